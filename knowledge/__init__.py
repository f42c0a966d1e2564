"""Hybrid retrieval over our lesson files: BM25 on syllables + dense vectors, fused.

Entry points: `knowledge.retriever.Retriever` (build, search, assess), `knowledge.embed`
(`make_embedder`), `knowledge.scope` (out-of-scope, urgent and secret signals).
"""

"""Rasa action server: thin glue between the dialogue and our lessons, knowledge and storage."""

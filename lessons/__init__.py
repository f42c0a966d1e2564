"""Lesson content: the model, the Markdown parser, grading and the learner's progress rules."""

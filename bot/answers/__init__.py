"""Answers: intent + slots + knowledge base + today + language -> reply text with its source."""

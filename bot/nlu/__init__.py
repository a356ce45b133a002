"""Understanding: question text -> intent, confidence, slots and language."""

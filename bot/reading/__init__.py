"""The reading layer: every sentence of every issue, found through an index of normalised words and
quoted when it answers what the question asks for."""

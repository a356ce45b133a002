"""Newsletter text -> knowledge records. Reading is general: nothing about a given issue is built in."""

"""The Telegram transport: application, handlers, keyboards, reminders and rate limiting."""

"""Inline mode: "@bot question" in any chat offers the answer as an article to share."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.constants import MessageLimit
from telegram.ext import ContextTypes

from bot.telegram.replies import MAX_QUESTION
from bot.telegram.services import services
from bot.telegram.update_log import note_intent
from bot.texts import language_of

INLINE_RESULTS = 5


async def inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    svc = services(context)
    query = update.inline_query
    if query is None:  # the handler is registered for inline queries only
        return
    lang = language_of(query.from_user.language_code)
    question = (query.query or "").strip()[:MAX_QUESTION]
    today = svc.today()
    # Each person's own conversation: "och i Tyresö?" continues their question, not a stranger's.
    chat = f"inline:{query.from_user.id}"
    if question:
        replies = [svc.engine.answer(question, today=today, chat=chat, lang=None, now=svc.now())]
        note_intent(context, replies[0].intent)
    else:
        replies = [
            svc.engine.answer_intent("next_meeting", today=today, chat=chat, lang=lang),
            svc.engine.answer_intent("upcoming_meetings", today=today, chat=chat, lang=lang),
        ]
    results = []
    for index, reply in enumerate(replies[:INLINE_RESULTS]):
        text = (reply.text or "").strip()
        if not text:
            continue
        title, _, rest = text.partition("\n")
        results.append(
            InlineQueryResultArticle(
                id=f"{index}-{reply.intent or 'answer'}"[:64],
                title=title[:100],
                description=rest.strip()[:200] or None,
                input_message_content=InputTextMessageContent(text[: MessageLimit.MAX_TEXT_LENGTH]),
            )
        )
    await query.answer(results, cache_time=60, is_personal=True)  # answers follow the person's conversation

"""What the Telegram transport itself says, in Swedish and English. Answers come from the engine."""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "sv": {
        "menu_next": "Nästa möte",
        "menu_meetings": "Kommande möten",
        "menu_places": "Lediga platser",
        "menu_contact": "Kontakt",
        "menu_subscribe": "Påminnelser",
        "remind_me": "🔔 Påminn mig",
        "calendar": "📅 Lägg till i kalendern",
        "all": "Alla",
        "choose_subscription": "Vilken kommuns frukostmöten vill du bli påmind om? Påminnelsen kommer dagen före kl. {time}.",
        "choose_unsubscribe": "Vilken prenumeration vill du avsluta?",
        "subscribed": "Klart! Du får en påminnelse dagen före varje möte i {place}, kl. {time}.",
        "subscribed_all": "Klart! Du får en påminnelse dagen före varje möte i alla kommuner, kl. {time}.",
        "already_subscribed": "Du prenumererar redan på {place}.",
        "unsubscribed": "Avslutat: {place}.",
        "unsubscribed_all": "Alla dina prenumerationer är avslutade.",
        "not_subscribed": "Du har ingen prenumeration på {place}.",
        "unknown_place": "Jag känner inte till orten {place}. Välj en kommun:",
        "subscriptions": "Dina prenumerationer: {places}.",
        "watches": "Påminnelser om enskilda möten: {meetings}.",
        "no_subscriptions": "Du har inga prenumerationer. Skriv /prenumerera för att få påminnelser.",
        "watching": "Jag påminner dig dagen före kl. {time}.",
        "watching_soon": "Jag påminner dig nu, eftersom mötet är snart.",
        "already_watching": "Du får redan en påminnelse om det mötet.",
        "meeting_gone": "Det mötet har redan varit eller finns inte längre.",
        "calendar_caption": "Öppna filen för att lägga in mötet i din kalender.",
        "not_text": "Jag kan bara läsa text. Skriv din fråga, till exempel \"När är nästa frukostmöte?\"",
        "too_long": "(Jag läste bara början av ditt långa meddelande.)",
        "admin_only": "Det kommandot är bara för administratörer.",
        "reloaded": "Kunskapsbasen är omladdad: {meetings} möten, {issues} nyhetsbrev. {jobs} påminnelsetider schemalagda.",
        "reload_failed": "Kunde inte ladda om kunskapsbasen, den gamla används fortfarande: {error}",
        "stats": (
            "Användare: {users} (varav {blocked} har blockerat boten)\n"
            "Prenumerationer: {subscriptions} {by_place}\n"
            "Påminnelser om enskilda möten: {watches}\n"
            "Skickade påminnelser: {sent}, misslyckade: {failed}, osäkra (avbrott mitt i): {uncertain}"
        ),
        "error": "Något gick fel hos mig. Försök igen om en stund.",
        "button_stale": "Den här knappen fungerar inte längre. Skriv /start för en ny meny.",
        "cannot_save": "Jag kan inte spara något just nu, så det gick inte. Försök igen om en stund. "
                       "Frågor svarar jag på som vanligt.",
        "slow_down": "Du skickar många meddelanden på kort tid. Vänta en liten stund: jag svarar på de första, "
                     "men de som kommer nu läser jag inte.",
        "inline_hint": "Skriv en fråga om förbundet",
    },
    "en": {
        "menu_next": "Next meeting",
        "menu_meetings": "Upcoming meetings",
        "menu_places": "Open places",
        "menu_contact": "Contact",
        "menu_subscribe": "Reminders",
        "remind_me": "🔔 Remind me",
        "calendar": "📅 Add to calendar",
        "all": "All",
        "choose_subscription": "Which municipality's breakfast meetings should I remind you of? Reminders come the day before at {time}.",
        "choose_unsubscribe": "Which subscription do you want to end?",
        "subscribed": "Done! You will get a reminder the day before every meeting in {place}, at {time}.",
        "subscribed_all": "Done! You will get a reminder the day before every meeting in all municipalities, at {time}.",
        "already_subscribed": "You are already subscribed to {place}.",
        "unsubscribed": "Ended: {place}.",
        "unsubscribed_all": "All your subscriptions have ended.",
        "not_subscribed": "You have no subscription to {place}.",
        "unknown_place": "I do not know the place {place}. Choose a municipality:",
        "subscriptions": "Your subscriptions: {places}.",
        "watches": "Reminders of single meetings: {meetings}.",
        "no_subscriptions": "You have no subscriptions. Send /subscribe to get reminders.",
        "watching": "I will remind you the day before at {time}.",
        "watching_soon": "Reminding you now, as the meeting is soon.",
        "already_watching": "You already get a reminder of that meeting.",
        "meeting_gone": "That meeting has already taken place or is no longer known.",
        "calendar_caption": "Open the file to add the meeting to your calendar.",
        "not_text": "I can only read text. Type your question, for example \"When is the next breakfast meeting?\"",
        "too_long": "(I only read the beginning of your long message.)",
        "admin_only": "That command is for administrators only.",
        "reloaded": "Knowledge base reloaded: {meetings} meetings, {issues} newsletters. {jobs} reminder times scheduled.",
        "reload_failed": "Could not reload the knowledge base, still using the old one: {error}",
        "stats": (
            "Users: {users} ({blocked} have blocked the bot)\n"
            "Subscriptions: {subscriptions} {by_place}\n"
            "Reminders of single meetings: {watches}\n"
            "Reminders sent: {sent}, failed: {failed}, uncertain (interrupted mid-send): {uncertain}"
        ),
        "error": "Something went wrong on my side. Please try again in a moment.",
        "button_stale": "This button no longer works. Send /start for a new menu.",
        "cannot_save": "I cannot save anything just now, so that did not work. Please try again in a while. "
                       "I answer questions as usual.",
        "slow_down": "You are sending many messages in a short time. Please wait a moment: I am answering the "
                     "first ones, but I am not reading the ones coming now.",
        "inline_hint": "Type a question about the federation",
    },
}

# (command names, description sv, description en); the first name is the Swedish one.
COMMANDS: list[tuple[tuple[str, str], str, str]] = [
    (("start", "start"), "Börja här", "Start here"),
    (("hjalp", "help"), "Vad jag kan svara på", "What I can answer"),
    (("nasta", "next"), "Nästa frukostmöte [ort]", "Next breakfast meeting [place]"),
    (("moten", "meetings"), "Kommande möten [ort]", "Upcoming meetings [place]"),
    (("lediga", "vacancies"), "Lediga platser", "Open places"),
    (("kontakt", "contact"), "Vem du kontaktar", "Whom to contact"),
    (("prenumerera", "subscribe"), "Påminnelser om möten [ort|alla]", "Meeting reminders [place|all]"),
    (("avsluta", "unsubscribe"), "Avsluta påminnelser [ort|alla]", "Stop reminders [place|all]"),
    (("mina", "subscriptions"), "Dina prenumerationer", "Your subscriptions"),
]


def language_of(code: str | None) -> str:
    """Telegram's `language_code` to the bot's language: English for English, Swedish otherwise."""
    return "en" if code and code.lower().startswith("en") else "sv"


def t(lang: str, key: str, **values: object) -> str:
    text = TEXTS.get(lang, TEXTS["sv"])[key]
    return text.format(**values) if values else text

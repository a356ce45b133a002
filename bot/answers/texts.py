"""The bot's own words in Swedish and English. Facts never live here: only the sentences around them."""
from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "in": {"sv": "i", "en": "in"},
    "breakfast_from": {"sv": "frukost från {time}", "en": "breakfast from {time}"},
    "programme": {"sv": "program {span}", "en": "programme {span}"},
    "time_label": {"sv": "Tid: ", "en": "Time: "},
    "venue_label": {"sv": "Plats: ", "en": "Venue: "},
    "topic_label": {"sv": "Tema: ", "en": "Topic: "},
    "speakers_label": {"sv": "Medverkande: ", "en": "Speakers: "},
    "organiser_label": {"sv": "Arrangör: ", "en": "Organiser: "},
    "registration_label": {"sv": "Anmälan: ", "en": "Registration: "},
    "by_date": {"sv": "senast {day}", "en": "by {day}"},
    "to_contact": {"sv": "till {contact}", "en": "to {contact}"},
    "see_invitation": {"sv": "se inbjudan (länk i nyhetsbrevet)", "en": "see the invitation (linked in the newsletter)"},
    "next_is": {"sv": "Nästa {what} är {day}.", "en": "The next {what} is on {day}."},
    "none_upcoming": {
        "sv": "Jag känner inte till något kommande {what} efter {today}.",
        "en": "I know of no upcoming {what} after {today}.",
    },
    "none_known": {"sv": "Jag känner inte heller till något tidigare.", "en": "Nor do I know of an earlier one."},
    "latest_was": {
        "sv": "Det senaste jag känner till var {day}{where}:",
        "en": "The most recent one I know of was on {day}{where}:",
    },
    "upcoming_are": {"sv": "Kommande {what}:", "en": "Upcoming {what}:"},
    "and_more": {"sv": "… och {count} till.", "en": "… and {count} more."},
    "none_in_period": {
        "sv": "Jag känner inte till några {what} under perioden {span}.",
        "en": "I know of no {what} in the period {span}.",
    },
    "in_period": {"sv": "{what} under perioden {span}:", "en": "{what} in the period {span}:"},
    "earlier_in_period": {"sv": "Tidigare, under perioden {span}:", "en": "Earlier, in the period {span}:"},
    "on_day": {"sv": "{what} {span}:", "en": "{what} on {span}:"},
    "no_past": {"sv": "Jag känner inte till några tidigare {what}.", "en": "I know of no earlier {what}."},
    "earlier": {"sv": "Tidigare:", "en": "Earlier:"},
    "about_topic": {"sv": " om \"{topic}\"", "en": " about \"{topic}\""},
    "no_meeting_about": {
        "sv": "Jag känner inte till något möte om \"{topic}\" i nyhetsbreven. Fråga gärna \"kommande frukostmöten\".",
        "en": "The newsletters mention no meeting about \"{topic}\" that I know of. Try asking \"upcoming meetings\".",
    },
    "no_meeting_on": {
        "sv": "Jag känner inte till något möte {when}. Fråga gärna \"kommande frukostmöten\".",
        "en": "I know of no meeting on {when}. Try asking \"upcoming meetings\".",
    },
    "past_note": {"sv": "(mötet har redan varit).", "en": "(this meeting has already taken place)."},
    "no_speakers": {"sv": "Nyhetsbrevet nämner inga talare.", "en": "The newsletter names no speakers."},
    "no_venue": {"sv": "Nyhetsbrevet anger ingen lokal.", "en": "The newsletter gives no venue."},
    "no_time": {"sv": "Nyhetsbrevet anger ingen tid.", "en": "The newsletter gives no time."},
    "no_topic": {"sv": "Nyhetsbrevet anger inget tema.", "en": "The newsletter gives no topic."},
    "no_registration": {
        "sv": "Nyhetsbrevet säger inget om anmälan.",
        "en": "The newsletter says nothing about registration.",
    },
    "not_our_place": {
        "sv": "Förbundet håller sina möten i sina medlemskommuner, inte i {place}. Vilken av dem menar du? {choices}",
        "en": "The federation meets in its member municipalities, not in {place}. Which one do you mean? {choices}",
    },
    "which_municipality": {
        "sv": "Vilken kommun menar du? {choices}",
        "en": "Which municipality do you mean? {choices}",
    },
    # open places
    "places_lead": {"sv": "Lediga platser i {programme} {when}:", "en": "Open places in {programme} {when}:"},
    "places_total": {"sv": "Totalt {count} lediga platser.", "en": "{count} open places in total."},
    "places_one": {
        "sv": "{provider} hade {count} {places} i {programme} {when}.",
        "en": "{provider} had {count} open {places} in {programme} {when}.",
    },
    "place_word": {"sv": "ledig plats|lediga platser", "en": "place|places"},
    "place_missing": {
        "sv": "{provider} finns inte bland de lediga platserna i {programme} {when}.",
        "en": "{provider} is not among the open places in {programme} {when}.",
    },
    "places_none_in": {
        "sv": "Inga lediga platser anges för {what} i {programme} {when}.",
        "en": "No open places are given for {what} in {programme} {when}.",
    },
    "no_places": {
        "sv": "Jag känner inte till några lediga platser ännu.",
        "en": "I do not know of any open places yet.",
    },
    "enrolled": {
        "sv": "{count} deltagare var inskrivna i {programme} {when}.",
        "en": "{count} participants were enrolled in {programme} {when}.",
    },
    "no_enrolled": {
        "sv": "Nyhetsbrevet anger inte hur många deltagare som är inskrivna.",
        "en": "The newsletter does not say how many participants are enrolled.",
    },
    "propose": {"sv": "Har du en deltagare att föreslå? {contact}", "en": "Have a participant to propose? {contact}"},
    "propose_contact": {"sv": "Kontakta {who}.", "en": "Contact {who}."},
    "no_propose": {
        "sv": "Nyhetsbrevet säger inte vem man kontaktar för att föreslå en deltagare.",
        "en": "The newsletter does not say whom to contact to propose a participant.",
    },
    # people
    "which_role": {
        "sv": "Vilken roll menar du? Till exempel förbundschef, ordförande eller projektledare.",
        "en": "Which role do you mean? For example the chief, the chair or a project leader.",
    },
    "role_now": {"sv": "{title}: {who}.", "en": "{title}: {who}."},
    "role_until": {"sv": "{name} är {title} till {day}.", "en": "{name} is {title} until {day}."},
    "role_until_past": {"sv": "{name} var {title} till {day}.", "en": "{name} was {title} until {day}."},
    "role_next": {"sv": "Ny {title}: {name}{note}.", "en": "New {title}: {name}{note}."},
    "role_unknown": {
        "sv": "Jag vet inte vem som är {title} enligt nyhetsbreven.",
        "en": "The newsletters do not tell me who is {title}.",
    },
    "role_unknown_at": {
        "sv": "Nyhetsbreven säger inte vem som har den rollen hos {place} – jag känner bara till "
              "samordningsförbundets egna roller.",
        "en": "The newsletters do not say who holds that role at {place} – I only know the coordination "
              "federation's own roles.",
    },
    "role_unknown_in": {
        "sv": "Jag vet inte vem som är {title} i {place} enligt nyhetsbreven.",
        "en": "The newsletters do not tell me who is {title} in {place}.",
    },
    "person_unknown": {
        "sv": "Jag hittar ingen sådan person i nyhetsbreven.",
        "en": "I find no such person in the newsletters.",
    },
    "email": {"sv": "e-post {value}", "en": "email {value}"},
    "phone": {"sv": "telefon {value}", "en": "phone {value}"},
    "contact_for": {"sv": "Kontakta för: {what}", "en": "Contact for: {what}"},
    "speaker_at": {"sv": "{name} medverkar på {meeting}.", "en": "{name} speaks at the {meeting}."},
    "board_member": {"sv": "{name} sitter i styrelsen: {what}.", "en": "{name} is on the board: {what}."},
    "contacts_lead": {"sv": "Kontakter i nyhetsbreven:", "en": "Contacts in the newsletters:"},
    "board_lead": {"sv": "Styrelsen {start}–{end}:", "en": "The board {start}–{end}:"},
    "no_board": {"sv": "Jag känner inte till styrelsen.", "en": "I do not know the board."},
    "board_none_for": {
        "sv": "Ingen i styrelsen anges representera {what}.",
        "en": "Nobody on the board is listed as representing {what}.",
    },
    # projects and organisation
    "which_project": {"sv": "Projekt och insatser i nyhetsbreven: {names}.", "en": "Projects in the newsletters: {names}."},
    "project_unknown": {
        "sv": "Jag hittar inget sådant projekt i nyhetsbreven.",
        "en": "I find no such project in the newsletters.",
    },
    "project_no_aspect": {
        "sv": "Nyhetsbreven säger inget om det för {name}.",
        "en": "The newsletters say nothing about that for {name}.",
    },
    "goals": {"sv": "Mål: ", "en": "Goals: "},
    "period": {"sv": "Period: ", "en": "Period: "},
    "results": {"sv": "Resultat: ", "en": "Results: "},
    "run_by": {"sv": "Drivs av: ", "en": "Run by: "},
    "funded_by": {"sv": "Finansiering: ", "en": "Funding: "},
    "part_of": {"sv": "Del av {name}.", "en": "Part of {name}."},
    "provider_info": {
        "sv": "{provider} erbjuder platser i {programme}{group}.",
        "en": "{provider} offers places in {programme}{group}.",
    },
    "member_municipalities": {
        "sv": "{name} är ett samordningsförbund för kommunerna {members}.",
        "en": "{name} is the coordination federation of the municipalities {members}.",
    },
    "other_years": {"sv": "Jag känner också till siffror för {years}.", "en": "I also know figures for {years}."},
    "purpose_subscribe": {"sv": "prenumeration på nyhetsbrevet", "en": "newsletter subscription"},
    "purpose_unsubscribe": {"sv": "avsluta prenumerationen", "en": "ending the subscription"},
    "purpose_registration": {"sv": "anmälan", "en": "registration"},
    "purpose_publisher": {"sv": "ansvarig utgivare", "en": "responsible publisher"},
    "purpose_information": {"sv": "information", "en": "information"},
    "purpose_proposal": {"sv": "förslag på deltagare", "en": "proposing participants"},
    "members_lead": {"sv": "Förbundets medlemmar:", "en": "The federation's members:"},
    "no_members": {"sv": "Nyhetsbreven räknar inte upp medlemmarna.", "en": "The newsletters do not list the members."},
    "federations_lead": {
        "sv": "Samordningsförbund i Stockholms län ({count}):",
        "en": "Coordination federations in Stockholm county ({count}):",
    },
    "federation_of": {"sv": "{place} hör till samordningsförbundet:", "en": "{place} belongs to the coordination federation:"},
    "no_federations": {"sv": "Jag känner inte till länets förbund.", "en": "I do not know the county's federations."},
    "results_lead": {"sv": "Resultat och siffror{year}:", "en": "Results and figures{year} (quoted in Swedish):"},
    "quoted": {"sv": "", "en": "(Quoted from the newsletters, in Swedish.)"},
    "subscribe_how": {"sv": "", "en": "To subscribe or unsubscribe, e-mail {name} ({email})."},
    "no_results": {"sv": "Jag känner inte till några siffror{year}.", "en": "I know of no figures{year}."},
    "newsletter_latest": {
        "sv": "Senaste nyhetsbrevet jag känner till är nr {number} {year} ({month}).",
        "en": "The latest newsletter I know of is nr {number} {year} ({month}).",
    },
    "headlines": {"sv": "Rubriker: ", "en": "Headlines: "},
    "no_newsletter": {"sv": "Jag känner inte till något nyhetsbrev ännu.", "en": "I know of no newsletter yet."},
    "subscribe_unknown": {
        "sv": "Nyhetsbreven säger inte hur man prenumererar.",
        "en": "The newsletters do not say how to subscribe.",
    },
    "website": {"sv": "Webbplats: {url}", "en": "Website: {url}"},
    # conversation
    "greeting": {
        "sv": "Hej! Jag svarar på frågor om {name} utifrån förbundets nyhetsbrev. Fråga till exempel:\n{examples}",
        "en": "Hello! I answer questions about {name} from its newsletters. Ask for example:\n{examples}",
    },
    "thanks": {"sv": "Varsågod! Fråga gärna igen.", "en": "You're welcome! Ask again any time."},
    "help": {"sv": "Jag kan svara på:\n{topics}\n\nExempel:\n{examples}", "en": "I can answer:\n{topics}\n\nExamples:\n{examples}"},
    "unknown": {
        "sv": "Det vet jag tyvärr inte – jag svarar bara utifrån förbundets nyhetsbrev: frukostmöten, lediga "
              "platser, personer och roller, styrelsen, projekt och resultat. Fråga till exempel:\n{examples}\n"
              "Skriv \"hjälp\" för allt jag kan svara på.",
        "en": "Sorry, I don't know – I only answer from the federation's newsletters: breakfast meetings, open "
              "places, people and roles, the board, projects and results. Ask for example:\n{examples}\n"
              "Type \"help\" for everything I can answer.",
    },
    "did_you_mean": {"sv": "Menade du {options}?", "en": "Did you mean {options}?"},
    "empty": {
        "sv": "Skriv en fråga, till exempel \"när är nästa frukostmöte?\"",
        "en": "Type a question, for example \"when is the next breakfast meeting?\"",
    },
    "failed": {
        "sv": "Något gick fel när jag skulle svara. Försök gärna att fråga på ett annat sätt.",
        "en": "Something went wrong while answering. Please try asking another way.",
    },
    "passage": {"sv": "Det här står i nyhetsbrevet:", "en": "This is what the newsletter says (in Swedish):"},
    "the_federation": {"sv": "samordningsförbundet", "en": "the coordination federation"},
}

# Filled in from the knowledge base; an example whose name the base lacks is left out.
EXAMPLES = {
    "sv": ["När är nästa frukostmöte i {municipality}?", "Lediga platser på {provider}", "Vem är förbundschef?",
           "Vad är {project}?", "Vilka sitter i styrelsen?"],
    "en": ["When is the next breakfast meeting in {municipality}?", "Open places at {provider}", "Who is the chair?",
           "What is {project}?", "How do I subscribe to the newsletter?"],
}


def say(lang: str, key: str, **values: object) -> str:
    entry = TEXTS[key]
    text = entry.get(lang) or entry["sv"]
    return text.format(**values) if values else text


def plural(lang: str, key: str, count: int) -> str:
    one, many = say(lang, key).split("|")
    return one if count == 1 else many

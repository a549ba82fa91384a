"""Every sentence Mreža says to people, in English; the catalogs in bot/locales translate them.

Kept in one place so that translators see them all and a test can prove every catalog complete.
Placeholders are ``{name}`` style, filled after translation.
"""

from __future__ import annotations


def N_(message: str) -> str:  # the gettext convention: marks text for extraction
    """Mark a text for translation without translating it yet."""
    return message


# joining
WELCOME = N_(
    "Welcome to Mreža, {name}! Ask me anything about gender equality in defence, in your own language."
)
WELCOME_BACK = N_("Welcome back, {name}. Ask me a question, or send /help.")
NOT_A_MEMBER = N_(
    "Mreža serves the regional network of the Ministries of Defence and Armed Forces and is open to "
    "members only. If you were invited, open the invitation link again; otherwise ask your "
    "national coordinator for one."
)
INVITE_UNKNOWN = N_(
    "This invitation code is not valid. Please check the link, or ask your coordinator for a new one."
)
INVITE_EXPIRED = N_("This invitation has expired. Please ask your coordinator for a new one.")
INVITE_USED_UP = N_(
    "This invitation has already been used. Please ask your coordinator for a new one."
)
REMOVED = N_(
    "Your membership has ended, so I can no longer answer. Ask your coordinator if this is a mistake."
)

# help and navigation
HELP = N_(
    "Ask me a question in any words and any of the network's languages, and I will answer from the "
    "network's lessons learnt, with their sources.\n\n"
    "/topics - browse by topic\n"
    "/lang - change the language I speak\n"
    "/whoami - what I know about you\n"
    "/forget - delete your personal data\n"
    "/help - this help"
)
HELP_COORDINATOR = N_(
    "For coordinators:\n/unanswered - questions I could not answer\n/invite - create an invitation link"
)
UNKNOWN_COMMAND = N_("I don't know the command {command}. Send /help to see what I understand.")
TOPICS = N_("Choose a topic:")
TOPIC_ENTRIES = N_("Entries on {topic}:")
NO_TOPICS = N_("The knowledge base is empty.")
LANGUAGE_PROMPT = N_("Which language should I use?")
LANGUAGE_SET = N_("From now on I will speak English.")
GROUP_ONLY_PRIVATE = N_("Please send me {command} in a private chat.")
GROUP_HINT = N_("In a group, mention me or write /ask followed by your question.")
ASK_WHAT = N_("What would you like to ask? Write /ask followed by your question.")

# answers
SOURCES = N_("Sources")
CLARIFY = N_("I found more than one entry that may answer this. Which did you mean?")
DONT_KNOW = N_(
    "I don't know that yet: nothing in the knowledge base answers it well enough. "
    "I have noted your question for the curators."
)
DONT_KNOW_OFFER = N_("Would you like me to pass your question to the coordinators of your country?")
PASS_ON = N_("Pass it on")
HANDED_OVER = N_("A member from {country} asked a question I could not answer:\n\n{question}")
PASSED_ON = N_(
    "Thank you. I will pass your question to the coordinators and tell you when someone takes it up."
)
ENTRY_GONE = N_("That entry is no longer in the knowledge base.")
HELPFUL = N_("Helpful")
NOT_HELPFUL = N_("Not helpful")
THANKS_FEEDBACK = N_("Thank you for the feedback.")
BUTTON_EXPIRED = N_("This button has expired. Please ask again.")
TOO_LONG = N_("Your message is very long; I read the first {limit} characters.")

# about you
WHOAMI = N_(
    "Name: {name}\nCountry: {country}\nInstitution: {institution}\nRole: {role}\nLanguage: {language}\n"
    "Member since: {joined}"
)
FORGET_CONFIRM = N_(
    "This deletes your name, your accounts and your link to the questions you asked; the questions "
    "stay, without your name, for the curators. You will no longer be a member. Are you sure?"
)
FORGET_YES = N_("Yes, delete my data")
FORGET_NO = N_("No, keep it")
FORGOTTEN = N_("Your personal data has been deleted. Goodbye, and thank you.")
FORGET_CANCELLED = N_("Nothing was deleted.")

# coordinators
NOT_ALLOWED = N_("Only coordinators can do that.")
UNANSWERED_NONE = N_("No unanswered questions in the last {days} days.")
UNANSWERED_HEAD = N_(
    "Questions I could not answer in the last {days} days (times asked, last asked):"
)
INVITE_USAGE = N_(
    "Usage: /invite [member|coordinator] [country: BA, ME, MK, RS or regional] [uses]"
)
INVITE_CREATED = N_(
    "Invitation for {uses} person(s), role {role}, country {country}, valid for 7 days:\n{link}"
)
INVITE_NEEDS_USERNAME = N_(
    "Invitation code: {code} (the link needs the bot's username in the settings)"
)

# roles and countries, as shown to people
ROLE_NAMES = {
    "member": N_("member"),
    "coordinator": N_("coordinator"),
    "admin": N_("administrator"),
}
COUNTRY_NAMES = {
    "BA": N_("Bosnia and Herzegovina"),
    "ME": N_("Montenegro"),
    "MK": N_("North Macedonia"),
    "RS": N_("Serbia"),
    "regional": N_("regional"),
}

# The commands menu Telegram shows, per language.
COMMAND_DESCRIPTIONS = {
    "start": N_("Start or join with an invitation"),
    "help": N_("What I can do"),
    "topics": N_("Browse by topic"),
    "lang": N_("Change language"),
    "whoami": N_("What I know about you"),
    "forget": N_("Delete your personal data"),
    "unanswered": N_("Questions I could not answer (coordinators)"),
    "invite": N_("Create an invitation link (coordinators)"),
}

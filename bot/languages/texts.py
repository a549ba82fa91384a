"""Every sentence Mreža says to people, in English; the catalogs in bot/languages/locales translate them.

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
LANGUAGE_HINT = N_("I will write to you in {language}; send /lang to choose another language.")
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
    "For coordinators:\n/unanswered - questions I could not answer\n/invite - create an invitation link\n"
    "/announce - schedule an announcement\n/event - plan an event, with invitations and reminders\n"
    "/schedules - see, change or cancel what is scheduled"
)
HELP_PULSES = N_(
    "/pulse - take the pulse of the network with a quick poll\n/results - results of pulse checks"
)
UNKNOWN_COMMAND = N_("I don't know the command {command}. Send /help to see what I understand.")
TOPICS = N_("Choose a topic:")
TOPICS_PAGE = N_("Choose a topic (page {page} of {pages}):")
TOPIC_ENTRIES = N_("Entries on {topic}:")
TOPICS_BACK = N_("◀ Topics")
NO_TOPICS = N_("The knowledge base is empty.")
LANGUAGE_PROMPT = N_("Which language should I use?")
LANGUAGE_SET = N_("From now on I will speak English.")
GROUP_ONLY_PRIVATE = N_("Please send me {command} in a private chat.")
GROUP_HINT = N_("In a group, mention me or write /ask followed by your question.")
ASK_WHAT = N_("What would you like to ask? Write /ask followed by your question.")

# answers
SOURCES = N_("Sources")
NOT_TRANSLATED = N_("This answer is not yet translated into your language.")
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
SMALLTALK_HELLO = N_(
    "Hello! I am Mreža, the knowledge base of the Women, Peace and Security network. "
    "Ask me anything about gender equality in defence, in your own words."
)
SMALLTALK_THANKS = N_("You are welcome! Ask me whenever you need something.")
SMALLTALK_BYE = N_("Goodbye, and take care!")
HELPFUL = N_("Helpful")
NOT_HELPFUL = N_("Not helpful")
THANKS_FEEDBACK = N_("Thank you for the feedback.")
NOT_HELPFUL_OFFER = N_(
    "Sorry that did not help. You can ask again in other words, "
    "or I can pass your question to a coordinator."
)
OTHER_WORDS = N_("Ask in other words")
ASK_IN_OTHER_WORDS = N_("Write your question in other words and I will look again.")
BUTTON_EXPIRED = N_("This button has expired. Please ask again.")
TOO_LONG = N_("Your message is very long; I read the first {limit} characters.")

# about you
WHOAMI = N_(
    "Name: {name}\nCountry: {country}\nInstitution: {institution}\nRole: {role}\nLanguage: {language}\n"
    "Member since: {joined}"
)
WHOAMI_LANGUAGE_GUESSED = N_(
    "I guessed your language from your app and your first message; /lang changes it."
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
    "ask": N_("Ask a question"),
    "help": N_("What I can do"),
    "topics": N_("Browse by topic"),
    "lang": N_("Change language"),
    "whoami": N_("What I know about you"),
    "forget": N_("Delete your personal data"),
    "unanswered": N_("Questions I could not answer (coordinators)"),
    "invite": N_("Create an invitation link (coordinators)"),
    "announce": N_("Schedule an announcement (coordinators)"),
    "event": N_("Plan an event (coordinators)"),
    "schedules": N_("What is scheduled (coordinators)"),
    "pulse": N_("Start a pulse check (coordinators)"),
    "results": N_("Results of pulse checks (coordinators)"),
    "share": N_("Share a lesson learnt"),
    "submissions": N_("Shared lessons to review (coordinators)"),
    "suggestions": N_("Suggested wordings for entries (coordinators)"),
    "console": N_("Sign-in link to the web console (coordinators)"),
    "cancel": N_("Stop what you started"),
}

# What Telegram shows about the bot: on its profile and before the first message (up to 512
# characters), and in shared links and search results (up to 120).
BOT_DESCRIPTION = N_(
    "Mreža is the chatbot of the regional network of the Ministries of Defence and Armed Forces "
    "of Bosnia and Herzegovina, Montenegro, North Macedonia and Serbia, with UNDP SEESAC, on "
    "gender equality in defence (Women, Peace and Security). Members ask in their own language "
    "and get the network's lessons learnt, with their sources. It is open to members only: join "
    "with your invitation link."
)
BOT_SHORT_DESCRIPTION = N_(
    "The regional network's lessons learnt on gender equality in defence. For members only."
)

# announcements, invitations and reminders, as members get them
ANNOUNCEMENT = N_("Announcement")
WHEN = N_("When: {when}")
WHERE = N_("Where: {place}")
WILL_YOU_COME = N_("Will you come? The calendar file below adds the event to your calendar.")
RSVP_LABELS = {
    "going": N_("Going"),
    "maybe": N_("Maybe"),
    "no": N_("Not going"),
}
REMINDER = N_("Reminder: {title} starts in {before}, at {when}.")
EVENT_MOVED = N_("{title} has moved: it now takes place {when}.")
EVENT_MOVED_ASK = N_(
    "You said you would come. The calendar file below updates your calendar; if the new time "
    "does not suit you, answer again."
)
EVENT_CANCELLED = N_("{title}, planned for {when}, is cancelled.")
EVENT_CANCELLED_CALENDAR = N_("The calendar file below removes it from your calendar.")

# answers to invitations
RSVP_NOTED = {
    "going": N_("Noted: you are going."),
    "maybe": N_("Noted: you may come."),
    "no": N_("Noted: you are not going."),
}
RSVP_COUNTS = N_("{title}: {going} going, {maybe} maybe, {declined} not going")

# delivery reports for whoever scheduled it
KIND_NAMES = {
    "announcement": N_("announcement"),
    "invitation": N_("event invitation"),
    "reminder": N_("event reminder"),
    "pulse": N_("pulse check"),
    "pulse-reminder": N_("pulse reminder"),
    "event-moved": N_("notice of a moved event"),
    "event-cancelled": N_("notice of a cancelled event"),
}
REPORT = N_(
    "Delivery report: {kind} #{id} ({summary}), due at {when}\nRecipients: {recipients}\nDelivered: {delivered}\nFailed: {failed}\nBlocked Mreža: {blocked}\nPending: {pending}\nDuration: {duration}"
)
REPORT_CANCELLED = N_("Cancelled before sending: {cancelled}")
REPORT_REASONS = N_("Why sending failed:")
REPORT_MISSED = N_(
    "{kind} #{id} ({summary}) was due at {when}, while Mreža was not running. It was missed and not sent late; schedule it again if it is still needed."
)
REPORT_STOPPED = N_(
    "{kind} #{id} ({summary}) is switched off: its repeat rule {rule} cannot be used (less than an hour apart, or too costly to compute). Nothing more will be sent; schedule it again with another rule if it is still needed."
)

SLOW_DOWN = N_(
    "You are writing faster than I can answer. Please wait a few seconds before writing again."
)

# guided conversations: scheduling announcements and events
STOP_HINT = N_("(Send /cancel to stop at any step.)")
STOPPED = N_("Stopped. Nothing was scheduled or changed.")
QUESTION_BESIDE_FORM = N_(
    "That looks like a question rather than an answer to the form. What shall I do with it?"
)
PAUSE_AND_ASK = N_("Keep my draft, answer the question")
LEAVE_AND_ASK = N_("Leave the form, answer the question")
KEEP_AS_ANSWER = N_("It is my answer to the form")
FORM_PAUSED = N_("Your draft is kept. Send {command} when you want to go on with it.")
FORM_LEFT = N_("You left the form; nothing was saved.")
FORM_RESUMED = N_("Here is your draft again, where you left it.")
NOTHING_TO_STOP = N_("There is nothing to stop.")
ASK_ANNOUNCEMENT = N_("Write the announcement exactly as members should read it.")
ASK_LINK = N_(
    "Add a link members can open under the text (an address starting with https://), or press Skip."
)
ASK_IMAGE = N_(
    "Add a picture: the web address of an image, like https://example.org/poster.jpg, or press Skip."
)
ASK_AUDIENCE = N_(
    "Who should get it? Press Everyone, or tick countries and roles, then Done: each press "
    "ticks or unticks. Countries and roles ticked together narrow it: Serbia with Coordinators "
    "is the coordinators in Serbia. Group chats are added on top. You can also name the "
    'countries, like "Serbia and Montenegro", or write country:RS,ME;role:coordinator.'
)
ASK_WHEN = N_(
    "When should it go out? Press Now, or write the local time ({zone}) like {example}, "
    'or in words, like "tomorrow at 10". A date alone, like {day}, means {hour} that day.'
)
ASK_REPEAT = N_(
    "Should it repeat? Press a button, or write an RFC 5545 RRULE such as FREQ=MONTHLY;BYDAY=1MO;BYHOUR=10."
)
ANNOUNCEMENT_SUMMARY = N_(
    "Above is the message exactly as members will see it.\nRecipients: {count}\nWhen: {when}\nRepeats: {repeat}\n\nNothing is scheduled until you press Confirm."
)
# texts in more than one language: the dialogs' step and the previews
ASK_VERSIONS = N_(
    "Members who read another language get your text as it is, unless you add a version in their language. Add one, or press Done."
)
VERSIONS_DONE = N_("Done")
VERSION_ADDED = N_("The {language} version is saved.")
ASK_VERSION_TEXT = N_(
    "Write it in {language}, exactly as members who read {language} should get it."
)
ASK_VERSION_EVENT = N_(
    "Write the title in {language}; any lines after the first become its description."
)
ASK_VERSION_PULSE = N_(
    "Write the question in {language} on the first line, then each option on its own line, in the same order as before."
)
VERSION_PREVIEW = N_("As members who read {language} will get it:")
WHO_GETS_WHICH = N_(
    "Each member gets the version in their language if there is one, else the author's text. Who gets which:"
)
AUTHORS_SHARE = N_(
    "{language}, the author's text, also for everyone whose language has no version: {count}"
)
ONE_VERSION = N_(
    "Everyone gets the author's text ({language}): there are no versions in other languages."
)
ANNOUNCEMENT_SCHEDULED = N_("Scheduled as #{id}. /schedules shows it.")
ASK_TITLE = N_(
    "What is the event called? Write its title; any lines after the first become its description."
)
ASK_STARTS = N_(
    "When does it start? Write the local time ({zone}) like {example}, "
    'or in words, like "Monday at 10". A date alone, like {day}, means {hour} that day.'
)
ASK_ENDS = N_(
    "When does it end? Write the local time like {example_end}, or how long it lasts, like 2h."
)
ASK_PLACE = N_("Where is it? Write the place or the link of the online meeting, or press Skip.")
ASK_REMINDERS = N_(
    "When should I remind the invited members? Press a button, or write the times before the start, like 2d,3h."
)
EVENT_SUMMARY = N_(
    "Above is the invitation exactly as members will see it, with a calendar file.\nRecipients: {count}\nReminders before the start: {reminders}\n\nThe invitations go out as soon as you press Confirm."
)
EVENT_SCHEDULED = N_(
    "Scheduled: the invitations go out now. The event's invitation is #{id}; /schedules shows it."
)
NOW = N_("Now")
ONCE = N_("Once")
WEEKLY = N_("Every week")
MONTHLY = N_("Every month")
# The repeat buttons: each works out its rule from the first date given.
SAME_WEEKDAY = N_("Every week on that day")
SAME_DATE = N_("Every month on that date")
SAME_NTH_WEEKDAY = N_("Every month on that weekday (like the first Monday)")
EVERY_WORKDAY = N_("Every workday (Monday to Friday)")
# How a repeat reads in previews and lists.
EVERY_WEEK_ON = N_("Every week on {weekday}")
EVERY_MONTH_ON_DAY = N_("Every month on day {day}")
FIRST_WEEKDAY = N_("Every month on the first {weekday}")
SECOND_WEEKDAY = N_("Every month on the second {weekday}")
THIRD_WEEKDAY = N_("Every month on the third {weekday}")
FOURTH_WEEKDAY = N_("Every month on the fourth {weekday}")
LAST_WEEKDAY = N_("Every month on the last {weekday}")
REPEAT_WITH_DATES = N_("{rule}; next: {dates}")
WEEKDAY_NAMES = (
    N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday"), N_("Sunday"),
)  # fmt: skip
SKIP = N_("Skip")
BACK = N_("Back")
CONFIRM = N_("Confirm")
CANCEL = N_("Cancel")
EVERYONE = N_("Everyone")
COORDINATORS = N_("Coordinators")
ADMINS = N_("Administrators")
GROUP_CHATS = N_("Group chats")
SOME_GROUP_CHATS = N_("Group chats: {count}")
# Roles as an audience, by Role value (the member role reaches everyone)
ROLE_AUDIENCES = {"member": N_("Members"), "coordinator": COORDINATORS, "admin": ADMINS}
AUDIENCE_PICKED = N_("Chosen: {audience}, {count} recipients. Press more, or Done.")
AUDIENCE_DONE = N_("Done: {count} recipients")
AUDIENCE_ROLES_IN = N_("{roles} in {countries}")
DEFAULT_REMINDERS = N_("1 day and 1 hour before")
NO_REMINDERS = N_("No reminders")
NONE = N_("none")
RIGHT_AWAY = N_("now")

# what is wrong with an answer, by ScheduleError code (and the wizards' own checks)
PROBLEMS = {
    "empty": N_("That is empty. Please write some text."),
    "too-long": N_("That is too long: at most {limit} characters, please."),
    "past": N_("That time is in the past. Please give a time in the future."),
    "time": N_(
        "I cannot read that time. Write the local time like {example}, "
        'or in words, like "tomorrow at 10". A date alone, like {day}, means {hour} that day.'
    ),
    "rule": N_(
        "I cannot use that repeat rule. Press a button, or write an RRULE such as FREQ=WEEKLY;BYDAY=MO (at most hourly) that still has a time ahead."
    ),
    "rule-often": N_(
        "That rule repeats more often than once an hour. Press a button, or write a rule with at least an hour between messages."
    ),
    "order": N_("The event must end after it starts."),
    "audience": N_(
        "I don't understand that audience. Press a button, or write all, country:RS,ME, role:coordinator or groups."
    ),
    "nobody": N_("That audience reaches nobody right now. Please choose another."),
    "url": N_("That is not a web address; it must start with http:// or https://."),
    "reminders": N_(
        "I cannot read those reminders. Write the times before the start like 2d,3h (d days, h hours, m minutes), or press a button."
    ),
    "choose": N_("Please press Confirm or Cancel."),
    "unknown": N_("That schedule no longer exists."),
    "ended": N_("That schedule was already sent or cancelled, and cannot change."),
    "kind": N_("Only an announcement's text can be changed."),
    "question-too-long": N_("The question is too long: at most 300 characters, please."),
    "options-count": N_("A pulse needs 2 to 12 options, one per line."),
    "option-empty": N_("One of the options is empty. Please write each option on its own line."),
    "options-duplicate": N_("Two options are the same. Please make each option different."),
    "option-too-long": N_("An option is too long: at most 100 characters each, please."),
    "open-for": N_("A pulse stays open from 10 minutes to 31 days. Write it like 3d or 12h."),
    "remind-after": N_("The reminder must come before the pulse closes."),
    "scale-options": N_("A scale takes no options."),
    "pulse-kind": N_("Please press one of the buttons."),
    "no-key": N_(
        "Confidential pulses need a secret key that this server does not have. Ask an admin to set MREZA_SECRET_KEY or MREZA_SECRET_KEY_FILE and restart Mreža, or choose anonymous."
    ),
    "version-author": N_("That is the language you wrote in. Please choose another."),
    "version-options": N_(
        "The version needs as many options as the original, in the same order, one per line."
    ),
}

# what is scheduled
SCHEDULES_NONE = N_("Nothing is scheduled.")
SCHEDULES_MORE = N_("…and {count} more, later.")
SCHEDULE_CARD = N_("#{id} {kind}\nNext: {when}\nRepeats: {repeat}\nAudience: {audience}\n{summary}")
EDIT_TEXT = N_("Edit text")
EDIT_TIME = N_("Edit time")
EDIT_REPEAT = N_("Repeat")
REPEAT_CHANGED = N_("Saved: #{id} now repeats: {repeat}")
CANCEL_SCHEDULE = N_("Cancel #{id} ({summary})? It will not be sent.")
CANCEL_EVENT = N_(
    "Cancel #{id} ({summary})? This cancels the event, its invitations and all its reminders."
)
YES_CANCEL = N_("Yes, cancel it")
NO_KEEP = N_("No, keep it scheduled")
SCHEDULE_CANCELLED = N_("#{id} is cancelled; nothing more of it will be sent.")
SCHEDULE_KEPT = N_("Nothing was cancelled.")
ASK_NEW_TEXT = N_("Write the new text of #{id}.")
ASK_NEW_TIME = N_(
    "When should #{id} go out? Press Now, or write the local time ({zone}) like {example}, "
    'or in words, like "tomorrow at 10". A date alone, like {day}, means {hour} that day.'
)
TEXT_CHANGED = N_("Saved: #{id} will send the new text.")
TIME_CHANGED = N_("Saved: #{id} is now due at {when}.")
MOVE_EVENT = N_("Move the event")
EVENT_CANCELLED_TOLD = N_(
    "Members who said they would come are told, with a calendar file that removes the event: {count}."
)
ASK_EVENT_START = N_(
    "When does the event of #{id} start now? Write the local time ({zone}) like 2026-12-01 10:00; it keeps its length."
)
EVENT_MOVED_SAVED = N_(
    "Saved: the event now takes place {when}. Members who said they would come are told, with an updated calendar file: {count}."
)

# the curators' queue and hand-offs to coordinators
ALREADY_PASSED_ON = N_("This question is already with the coordinators.")
NOBODY_TO_PASS_ON_TO = N_(
    "I am sorry: there is no coordinator I can reach for your country or the region right now, "
    "so I cannot promise you an answer. I have kept your question and will pass it on as soon "
    "as a coordinator can take it."
)
CLAIM_HANDOFF = N_("I will answer it")
HANDOFF_TAKEN = N_("Another coordinator already took this question.")
HANDOFF_CLAIMED = N_(
    "A coordinator has taken up your question and will answer you here:\n\n{question}"
)
ASK_HANDOFF_ANSWER = N_(
    "Write your answer to this question. Mreža sends it to the member; neither of you sees the other's account.\n\n{question}"
)
HANDOFF_ANSWERED = N_("A coordinator answered your question.\n\nYou asked: {question}\n\n{answer}")
HANDOFF_RELAYED = N_("Your answer was sent to the member.")
HANDOFF_RELAY_FAILED = N_(
    "Your answer is saved, but the member cannot be reached right now (they may have left Mreža)."
)
HANDOFF_ALREADY_ANSWERED = N_("This question was already answered; your text was not sent.")
HANDOFF_REMINDER = N_(
    "Still unclaimed after a day: a member from {country} asked a question I could not answer:\n\n{question}"
)
UNANSWERED_GROUP = N_("#{id} · {count}× · {countries} · first {first}, last {last}\n{examples}")
UNANSWERED_QUEUE_HEAD = N_(
    "Questions members could not get answered, grouped by similarity ({shown} of {total}):"
)
UNANSWERED_EMPTY = N_(
    "The queue is empty: no unanswered or 👎-rated questions wait for a decision."
)
ATTACH_TO = N_("Attach to: {title}")
OUT_OF_SCOPE = N_("Out of scope")
GROUP_ATTACHED = N_("Group #{id} is attached to “{title}”: {added} new phrasing(s), in effect now.")
GROUP_DISMISSED = N_(
    "Group #{id} is marked out of scope: its questions and ones like them get no answer from now on."
)
UNDO_DISMISSAL = N_("Undo")
GROUP_REOPENED = N_("Group #{id} is back in the queue, and its questions are answered again.")
GROUP_DECIDED = N_("That group was already decided.")

# a new entry drafted from an unanswered group
DRAFT_NEW_ENTRY = N_("Draft a new entry")
ASK_DRAFT_TITLE = N_("A new entry for group #{group}. First, its title (at most 80 characters).")
ASK_DRAFT_ANSWER = N_(
    "Now its answer. You may write **bold**, _italic_, links as [words](https://...), and lines starting with - as bullet points."
)
DRAFT_SUMMARY = N_(
    "Your draft, as the reviewers will get it:\n\nTitle: {title}\n\nAnswer: {answer}\n\nIt will also answer:\n{phrasings}\n\nIt applies to the whole region until someone edits it. Nothing is stored before you press Confirm."
)
DRAFT_QUEUED = N_(
    "Draft #{id} is in the review queue, with {count} question(s) from group #{group} as its phrasings. Review, edit or accept it with /submissions."
)
DRAFT_CARD = N_(
    "Draft #{id} from group #{group} ({country}, {date})\nTitle: {title}\nAnswer: {answer}\nKeywords: {tags}\nIt will also answer:\n{phrasings}"
)
PROBLEMS["markup"] = N_(
    "The answer's markup is not valid ({reason}). Close every ** and _, and write links as [words](https://...)."
)
PROBLEMS["answer-too-long"] = N_(
    "That answer is too long for one message: {length} characters with its title, at most {limit}."
)

# a submission edited before it is accepted
EDIT = N_("Edit")
ASK_EDIT_FIELD = N_("What should change in #{id}?")
FIELD_NAMES = {
    "title": N_("Title"),
    "situation": N_("Situation"),
    "action": N_("What was done"),
    "worked": N_("What worked"),
    "not_worked": N_("What did not"),
    "answer": N_("Answer"),
    "country": N_("Country"),
    "tags": N_("Keywords"),
}
ASK_EDIT_VALUE = N_("#{id} · {field}, as it is now:\n{current}\n\nSend the new text.")
ASK_EDIT_TAGS = N_(
    "#{id} · keywords, as they are now: {current}\n\nSend the new ones, separated by commas, or - for none."
)
ASK_EDIT_COUNTRY = N_("#{id} applies to: {current}. Which country should it apply to?")
FIELD_UNKNOWN = N_("There is no such field to change.")

# Signal: choices come as numbered lines, picked by a reply or a reaction
SIGNAL_REPLY = N_("Reply {numbers}.")
SIGNAL_REPLY_OR_REACT = N_("Reply {numbers}, or react to this message with {emoji}.")
SIGNAL_OR = N_("or")
SIGNAL_TEXT_ONLY = N_(
    "I can only read text, not pictures or files. Please write your question in words."
)

# pulse checks
PULSE_HEADING = N_("Pulse check")
PULSE_CONFIDENTIAL_NOTE = N_(
    "Confidential: Mreža knows whether you answered, only to remind those who have not. Your answer is stored without your name; nobody can see who answered what, and results show only groups of at least {k}."
)
PULSE_ANONYMOUS_NOTE = N_(
    "Anonymous: Mreža keeps no record of who received this pulse or who answered it, so everyone gets the reminder."
)
PULSE_OPEN_UNTIL = N_("Open until {when}.")
PULSE_MULTIPLE_HINT = N_("Choose all that apply; press an option again to remove it.")
PULSE_ONE_ANSWER = N_("Anonymous answers cannot be changed once given.")
PULSE_NPS_HINT = N_("0 = not at all likely, 10 = extremely likely")
LIKERT_LABELS = {
    1: N_("1 · strongly disagree"),
    2: N_("2 · disagree"),
    3: N_("3 · neither agree nor disagree"),
    4: N_("4 · agree"),
    5: N_("5 · strongly agree"),
}
ADD_COMMENT = N_("💬 Add a comment")
PULSE_SAVED = N_("Saved: {answer}")
PULSE_WITHDRAWN = N_("Your answer is withdrawn.")
PULSE_CLOSED = N_("This pulse is closed; your answer was not counted.")
PULSE_ONCE = N_("You have already answered this anonymous pulse.")
PULSE_ASK_COMMENT = N_(
    "Write your comment. It is stored without your name and shown only once at least 10 people have answered."
)
PULSE_COMMENT_SAVED = N_("Thank you. Your comment is stored without your name.")
PULSE_REMINDER = N_(
    "Reminder: the pulse check “{question}” is open until {when}. If you have not answered yet, it is a little higher up in this chat."
)
# results
RESULTS_NONE = N_("No pulse has opened yet.")
RESULTS_PICK = N_("Which pulse? The latest ones:")
RESULTS_HEAD = N_("Pulse #{id}: {question}\nRound of {date} ({state})")
RESULTS_OPEN = N_("open")
RESULTS_CLOSED = N_("closed")
RESULTS_RESPONDENTS = N_("Respondents: {count}")
RESULTS_RATE = N_("Respondents: {count} of {invited} ({rate}%)")
RESULTS_HIDDEN = N_("The numbers are hidden: fewer than {k} people have answered.")
RESULTS_MEAN = N_("Mean: {mean}")
RESULTS_NPS = N_("NPS: {score}")
RESULTS_BY_COUNTRY = N_("By country")
RESULTS_BY_ROLE = N_("By role")
RESULTS_GROUP_HIDDEN = N_("{group}: hidden (too few people to show)")
RESULTS_COMMENTS = N_("Comments, in random order:")
RESULTS_COMMENTS_LATER = N_("Comments are shown once at least 10 people have answered.")
RESULTS_ROUND_CLOSED = N_("Pulse #{id} has closed. The results:")
RESULTS_UNKNOWN = N_("There is no pulse #{id}.")
# the /pulse dialog
ASK_PULSE_QUESTION = N_("What should the pulse ask? Write the question (at most 300 characters).")
ASK_PULSE_KIND = N_("How should members answer?")
KIND_SINGLE = N_("Pick one option")
KIND_MULTIPLE = N_("Pick several options")
KIND_LIKERT = N_("Agreement, 1 to 5")
KIND_NPS = N_("Recommendation, 0 to 10")
ASK_PULSE_OPTIONS = N_("Write the options, one per line (2 to 12, each at most 100 characters).")
ASK_PULSE_COMMENT_ALLOWED = N_("May members add a comment in their own words?")
YES = N_("Yes")
NO = N_("No")
ASK_PULSE_OPEN_FOR = N_("How long should it stay open? Press a button, or write it like 3d or 12h.")
ONE_DAY = N_("1 day")
THREE_DAYS = N_("3 days")
ONE_WEEK = N_("1 week")
ASK_PULSE_MODE = N_(
    "Confidential: Mreža knows who answered, to remind only the others, but stores answers without names.\nAnonymous: Mreža keeps no record of who received it, and reminds everyone.\nWhich one?"
)
CONFIDENTIAL = N_("Confidential")
ANONYMOUS = N_("Anonymous")
PULSE_SUMMARY = N_(
    "Above is the pulse as members will see it.\nRecipients: {count}\nOpens: {when}\nRepeats: {repeat}\nOpen for: {open_for}, with a reminder after {remind}\nMode: {mode}\n\nNothing is sent before you press Confirm."
)
PULSE_PREVIEW_NOTE = N_("This is a preview: it cannot be answered.")
PULSE_SCHEDULED = N_(
    "Scheduled as pulse #{id}. /results shows its results once enough members have answered."
)

# members' lessons learnt (/share) and their review
ASK_SITUATION = N_(
    "Thank you for sharing a lesson learnt. First: what was the situation? (At most 2000 characters.)"
)
ASK_ACTION = N_("What was done?")
ASK_WORKED = N_("What worked?")
ASK_NOT_WORKED = N_("What did not work, or what would you do differently?")
ASK_LESSON_COUNTRY = N_("Which country does it come from?")
ASK_TAGS = N_("A few keywords, separated by commas (for example: training, harassment), or Skip.")
ASK_CREDIT = N_("May the knowledge base name you as its author?")
SHARE_SUMMARY = N_(
    "Your lesson, as the curators will get it:\n\nSituation: {situation}\n\nWhat was done: {action}\n\nWhat worked: {worked}\n\nWhat did not: {not_worked}\n\nCountry: {country}\nKeywords: {tags}\nNamed as author: {credit}\n\nNothing is sent before you press Confirm."
)
SHARE_THANKS = N_(
    "Thank you! Your lesson #{id} is with the curators; I will tell you what they decide."
)
SHARE_ACCEPTED = N_("Your lesson #{id} is now in the knowledge base as “{title}”. Thank you!")
SHARE_DECLINED = N_("The curators did not add your lesson #{id}. Their note:\n\n{note}")
SUBMISSIONS_NONE = N_("No shared lessons wait for review.")
SUBMISSION_CARD = N_(
    "Lesson #{id} ({country}, {date})\nTitle: {title}\nSituation: {situation}\nWhat was done: {action}\nWhat worked: {worked}\nWhat did not: {not_worked}\nKeywords: {tags}\nNamed as author: {credit}"
)
SUBMISSION_ANSWER = N_("Answer, as a curator wrote it: {answer}")
ACCEPT = N_("Accept")
DECLINE = N_("Decline")
ASK_DECLINE_NOTE = N_("Why is lesson #{submission} declined? Your note goes to its author.")
SUBMISSION_ACCEPTED = N_("Lesson #{id} is now the entry {entry}, in effect at once.")
SUBMISSION_DECLINED = N_("Lesson #{id} is declined; its author gets your note.")
SUBMISSION_DECIDED = N_("That lesson was already reviewed.")
SUBMISSION_NOT_AN_ENTRY = N_(
    "Lesson #{id} cannot become an entry as it is: its answer would not fit in one message, or "
    "its formatting is broken. Write a shorter answer with Edit, then accept it."
)
PROBLEMS["country"] = N_("Please press one of the countries.")

# a coordinator's answer to a hand-off, turned into knowledge
ADD_AS_PHRASING = N_("Add the question to: {title}")
DRAFT_ENTRY = N_("Draft an entry from it")
HANDOFF_DRAFTED = N_("Drafted as lesson #{id}: review it with /submissions.")
HANDOFF_PHRASED = N_("The question is now a phrasing of “{title}”, in effect now.")
HANDOFF_TAUGHT = N_("This answer was already turned into knowledge.")

# suggested wordings
SUGGESTIONS_NONE = N_("No suggested wordings wait for a decision.")
SUGGESTION_CARD = N_("Suggestion #{id}: add “{wording}” as a way of asking for “{title}”?\n{why}")
SUGGESTION_WHY = {
    "clarify": N_("{members} members who used similar words picked this entry."),
    "rephrase": N_("A member rated an answer 👎, asked again like this, and rated this entry 👍."),
}
ADOPT_SUGGESTION = N_("Add it")
REJECT_SUGGESTION = N_("Reject")
SUGGESTION_ADOPTED = N_("“{wording}” now asks for “{title}”, in effect now.")
SUGGESTION_REJECTED = N_("Suggestion #{id} is rejected and will not come back.")
SUGGESTION_DECIDED = N_("That suggestion was already decided.")

# the coordinators' weekly digest
DIGEST = N_(
    "The knowledge base this week:\n• new groups of unanswered questions: {groups} (/unanswered)\n• questions passed on and not yet answered: {handoffs}\n• lessons waiting for review: {submissions} (/submissions)\n• suggested wordings: {suggestions} (/suggestions)\n• low-rated entries: {low}\n• entries not checked for a year: {stale}"
)

# /help lines of the curator's loop
HELP_SHARE = N_("/share - share a lesson learnt with the network")
HELP_CURATING = N_(
    "/submissions - review lessons members shared\n/suggestions - wordings members used, to add to entries"
)

# /console: a sign-in link to the web console
CONSOLE_LINK = N_(
    "Your sign-in link to the Mreža console. It works once, for 10 minutes; do not pass it on:\n{link}"
)
CONSOLE_TOO_MANY = N_(
    "You asked for several sign-in links in the last 10 minutes. Use the last one, or try again later."
)
CONSOLE_NO_ADDRESS = N_(
    "The web console has no public address yet: an administrator sets MREZA_CONSOLE_URL."
)

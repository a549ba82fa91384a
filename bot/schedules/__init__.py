"""Announcements and events in chat: dialogs, the schedule list, RSVPs, messages and reports."""

"""Announcements, events, reminders, pulse checks and their delivery."""

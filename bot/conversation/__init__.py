"""The conversation core every feature uses: a turn, signed buttons, guided dialogs, services."""

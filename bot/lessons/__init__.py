"""Lessons learnt: members share them with /share, curators review, edit, accept or decline."""

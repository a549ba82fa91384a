"""Members of the closed network: the directory, invitations, joining, accounts, group chats."""

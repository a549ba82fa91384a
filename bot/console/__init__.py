"""The web console: coordinators and admins curate, plan and read results in a browser."""

"""Hand-offs: a member's unanswered question passed on to a coordinator, answered and taught."""

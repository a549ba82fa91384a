"""The secret key tests configure, as an operator sets MREZA_SECRET_KEY (never in the database)."""

SECRET_KEY = "the tests' secret key"

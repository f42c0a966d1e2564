"""The one package that talks to the database: models, sessions and query functions per area."""

"""The gateway: channels (Telegram, web, terminal), the launcher and the CLI."""

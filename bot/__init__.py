"""The gateway: channels (Telegram, Zalo, web, terminal), the launcher and the CLI."""

"""`python -m actions`: warm up (schema, index, model) and serve Rasa's action protocol."""

from __future__ import annotations

import logging

from rasa_sdk.endpoint import run
from rasa_sdk.executor import ActionExecutor

from actions.runtime import warm_up
from config import get_settings


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s actions %(levelname)s %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    warm_up()
    executor = ActionExecutor()
    executor.register_package("actions")
    run(executor, port=get_settings().ACTIONS_PORT)


if __name__ == "__main__":
    main()

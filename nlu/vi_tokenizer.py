"""Rasa custom tokenizer for Vietnamese as people type it.

The message text itself is never rewritten (actions and /model/parse must see what the user
typed). Tokens come from the normalised text (NFC, one tone-mark style, teencode expanded), and
every accented token gets an accent-free twin, so "lam the nao" and "làm thế nào" share features.
Imported only inside the Rasa environment.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu.normalise import normalise, strip_accents
from nlu.privacy import MASK

# The gateway sends Rasa "otp là ***" (nlu.privacy.mask_for_assistant); normalising would drop
# the mask, so it becomes a word of its own that training examples teach DIET to read.
MASK_TOKEN = "sobimat"


def vietnamese_tokens(text: str) -> list[tuple[str, int]]:
    """(token, offset) pairs: normalised syllables plus accent-free twins at the same offset."""
    tokens: list[tuple[str, int]] = []
    offset = 0
    for word in normalise(text.replace(MASK, f" {MASK_TOKEN} ")).split():
        tokens.append((word, offset))
        plain = strip_accents(word)
        if plain != word:
            tokens.append((plain, offset))
        offset += len(word) + 1
    return tokens


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class VietnameseTokenizer(WhitespaceTokenizer):
    """Whitespace tokenizer over normalised Vietnamese, with accent-free token copies."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {**WhitespaceTokenizer.get_default_config(), "intent_tokenization_flag": False}

    def tokenize(self, message: Message, attribute: str) -> list[Token]:
        if attribute != TEXT:
            return super().tokenize(message, attribute)
        text = message.get(attribute)
        if not text:
            return []
        tokens = [Token(word, offset) for word, offset in vietnamese_tokens(text)]
        return self._apply_token_pattern(tokens)

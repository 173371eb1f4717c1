"""Fields every rule kind shares, and the model base that forbids unknown keys."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel
from pydantic import ConfigDict
from pydantic import Field

Severity = Literal["error", "warning"]

RULE_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"


class StrictModel(BaseModel):
    """A model for a TOML table: unknown keys are errors, values are never coerced silently."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class RuleBase(StrictModel):
    """What every rule says, whatever its kind."""

    id: str = Field(
        pattern=RULE_ID_PATTERN,
        description="Stable identifier: the pytest node id, the report key, the waiver key.",
    )
    description: str = Field(
        min_length=1, description="What must hold, in a sentence a reader understands."
    )
    severity: Severity = Field(
        default="error",
        description="`error` fails the run; `warning` is reported without failing it.",
    )

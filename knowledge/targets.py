"""The figures search must reach on a question set; ``mreza eval --check`` fails on a miss.

Sets written the way members type (their questions tagged with a kind) have the targets of the
everyday-language work; the curated sets keep the knowledge base's original ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from knowledge.evaluation import Scores


@dataclass(frozen=True, slots=True)
class Targets:
    """Minimum shares (and the most wrong answers) a question set must show."""

    top1: float
    top3: float
    rejected: float  # out-of-scope questions declined: "none", small talk, or a redirect
    wrong: float
    each_form: float
    lead: float  # top-1 points over the best baseline; 0 when not asked for

    def line(self) -> str:
        """The targets as one line."""
        parts = [f"top-1 >= {self.top1:.2f}"]
        if self.top3:
            parts.append(f"top-3 >= {self.top3:.2f}")
        parts += [
            f"rejected >= {self.rejected:.2f}",
            f"wrong <= {self.wrong:.2f}",
            f"every language >= {self.each_form:.2f}",
        ]
        if self.lead:
            parts.append(f"lead >= +{self.lead * 100:.0f} points")
        return "targets: " + ", ".join(parts)

    def missed(self, scores: Scores, lead: float) -> list[str]:
        """Every target the scores miss, as "what: figure"."""
        misses = []
        if scores.top1 < self.top1:
            misses.append(f"top-1 {scores.top1:.3f}")
        if scores.top3 < self.top3:
            misses.append(f"top-3 {scores.top3:.3f}")
        if scores.rejected < self.rejected:
            misses.append(f"rejected {scores.rejected:.3f}")
        if scores.wrong > self.wrong:
            misses.append(f"wrong {scores.wrong:.3f}")
        misses += [
            f"{lang} {share:.3f}"
            for lang, share in scores.by_lang.items()
            if share < self.each_form
        ]
        if lead < self.lead:
            misses.append(f"lead {lead * 100:+.1f} points")
        return misses


CURATED = Targets(top1=0.95, top3=0.99, rejected=0.90, wrong=0.03, each_form=0.90, lead=0.05)
EVERYDAY = Targets(top1=0.93, top3=0.0, rejected=0.95, wrong=0.02, each_form=0.90, lead=0.0)


def targets_for(scores: Scores) -> Targets:
    """The everyday targets for a set whose questions carry kinds, else the curated ones."""
    return EVERYDAY if scores.by_kind else CURATED

"""What each play asks the CSM to do (the policy file says which signal calls for which play)."""

from __future__ import annotations

PLAY_ACTIONS: dict[str, str] = {
    "value_review": "Book a value review with the decision maker: the results against the goals they "
                    "bought for, before they ask to cut.",
    "training": "Offer training to the teams that are not using their seats, and re-onboard the "
                "features they have stopped using.",
    "right_size_before_renewal": "Right-size before the renewal: propose the package that fits today's "
                                 "usage, so the renewal is not a downgrade negotiation.",
    "support_review": "Review the open tickets with support and close the loop with the customer.",
    "executive_check_in": "Re-establish contact with the decision maker: a short check-in, not a pitch.",
}


def play_action(play: str) -> str:
    return PLAY_ACTIONS.get(play, play.replace("_", " ").capitalize())

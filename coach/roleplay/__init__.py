"""Role-play trainer: practise downsell conversations against a simulated customer.

    personas.py       persona files (knowledge/personas/*.yaml) -> strict models, one-line errors
    moves.py          what a trainee's sentence does, by meaning (moves.yaml, local embeddings)
    offers.py         the numbers a trainee proposes -> ProposedOffer
    analysis.py       one trainee turn -> TurnAnalysis (offers checked by coach.policy.check_offer)
    customer.py       the scripted customer: reveal rules and reactions (reactions.yaml defaults)
    llm_customer.py   the model customer: same beats, the model's words (one task of coach.llm)
    scorer.py         the scorecard (card.py, counter_score.py, failures.py); reference.py: the
                      policy's answer and the model answer; report.py: the card as text
    session.py        the session service over the store (coach/store/training.py); hints.py
"""

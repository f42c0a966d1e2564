"""Handing a learner to a human Đại sứ số: rules, wording, and the database workflow.

Read in this order: `states` (the transition table), `chain` (who is alerted next, SLA),
`commands` (button payloads and typed words), `summary` (what a mentor is shown, masked),
`texts` / `learner_texts` / `mentor_texts` (wording), then the two modules that work on the
database through `storage/`: `service` (open, alert along the chain, expire) and `controls`
(what each button does). Both edges import this package: the action server opens escalations,
the gateway relays messages, routes buttons and runs the SLA timer. Nothing here imports `bot`
or `actions`.
"""

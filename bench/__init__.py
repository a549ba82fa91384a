"""Benchmarks: ``mreza bench ...`` commands that print figures, never asserted in tests.

They drive the product against the emulators; the product itself never imports this package
(the CLI finds it through the ``mreza.commands`` entry point)."""

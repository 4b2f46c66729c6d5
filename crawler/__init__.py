"""The wirewatch package: one subpackage per stage (see the README's Layout)."""

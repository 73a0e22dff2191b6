#!/bin/sh
grep -E 'PROBE|FAKE|INIT' "$1"

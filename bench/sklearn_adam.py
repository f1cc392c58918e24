#!/usr/bin/env python3
"""Peer for digits_adam_to_97pct_s: scikit-learn's MLPClassifier (adam, batch 200) on the digits.

Same data as seed_mlp.py digits: global min-max scaling, train_test_split(test_size=0.25,
random_state=42). Prints FIT_S (fit wall time, or CPU time with --cpu) and TEST_ACCURACY.
"""
import sys
import time
import warnings

from sklearn import datasets
from sklearn.exceptions import ConvergenceWarning
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier

clock = time.process_time if "--cpu" in sys.argv else time.perf_counter
digits = datasets.load_digits()
data = digits.data.astype("float")
data = (data - data.min()) / (data.max() - data.min())
trainX, testX, trainY, testY = train_test_split(data, digits.target, test_size=0.25, random_state=42)
clf = MLPClassifier(solver="adam", batch_size=200, random_state=42, max_iter=200)
warnings.simplefilter("ignore", ConvergenceWarning)
t0 = clock()
clf.fit(trainX, trainY)
t1 = clock()
print("FIT_S {:.4f}".format(t1 - t0))
print("TEST_ACCURACY {:.4f}".format(clf.score(testX, testY)))

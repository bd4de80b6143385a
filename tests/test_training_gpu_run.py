"""The GPU run (training/gpu_run.py): what it packs, what it checks before it starts, that its
files fit what the device tool brings back, and the whole run dry on this CPU: pack -> the
device's entry (JAX, its own process) -> import-weights -> export -> evaluate."""

from __future__ import annotations

import json
import re
import subprocess
import zipfile
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("tensorflow")

import keras

from training import gpu_pack
from training.data import DataError, load_dataset
from training.errors import ModelFileError
from training.gpu_preflight import (
    DEFAULT_MEMBERS,
    MAX_FILE_BYTES,
    MAX_FILES,
    GpuRunError,
    Member,
    check_members,
    parameter_count,
    planned_bytes,
    verify_manifest,
    wheels_to_install,
)
from training.model import make_model
from training.synthetic import write_packed
from training.weights_file import read_weights, weights_of, write_weights


@pytest.mark.parametrize("widths", [(40, 80, 160, 320), (48, 96, 192, 384), (8, 16)])
def test_the_planned_sizes_hold_the_real_files(widths: tuple[int, ...], tmp_path: Path) -> None:
    """The sizes the run checks before it starts come from the widths; the files written for the
    network Keras builds are no larger."""
    model = make_model(input_shape=(None, None, 1), widths=widths, augment=False)
    assert parameter_count(widths) == sum(int(np.prod(w.shape)) for w in model.weights)
    row = {key: 0.123456789 for key in ("loss", "accuracy", "learning_rate", "seconds", "val_accuracy")}
    row.update({f"val_recall_{i}{raw}": 0.123456789 for i in range(7) for raw in ("", "_raw")})
    state = {"config": {"widths": list(widths)}, "history": [{**row, "epoch": i} for i in range(400)]}
    best = write_weights(tmp_path / "best.npz", weights_of(model), state)
    last = write_weights(tmp_path / "last.npz", weights_of(model), state, half=True)
    planned_best, planned_last = planned_bytes(Member("m", widths, 1))
    assert best <= planned_best and last <= planned_last
    if widths[0] >= 40:
        assert last < 0.6 * best  # the kernels in float16


def test_the_default_members_fit_what_comes_back_and_a_fifth_does_not() -> None:
    check_members(DEFAULT_MEMBERS)  # 8 files, each under 16 MiB, under 64 MiB together
    assert max(max(planned_bytes(m)) for m in DEFAULT_MEMBERS) < MAX_FILE_BYTES
    assert 2 * len(DEFAULT_MEMBERS) == MAX_FILES
    with pytest.raises(GpuRunError, match="10 files"):
        check_members([*DEFAULT_MEMBERS, Member("w56", (56, 112, 224, 448), 1)])
    with pytest.raises(GpuRunError, match="distinct names"):
        check_members([Member("a b", (8,), 1)])


def test_a_weights_archive_round_trips_and_refuses_another_network(tmp_path: Path) -> None:
    from training.import_run import network_for, set_weights

    model = make_model(input_shape=(None, None, 1), widths=(8, 16), augment=False)
    weights = weights_of(model)
    state = {"config": {"widths": [8, 16], "crop": 44}, "epoch": 3}
    write_weights(tmp_path / "best.npz", weights, state)
    write_weights(tmp_path / "last.npz", weights, state, half=True)
    exact, saved = read_weights(tmp_path / "best.npz")
    halved, _ = read_weights(tmp_path / "last.npz")
    assert saved == state and exact.keys() == weights.keys()
    assert all(np.array_equal(exact[k], weights[k]) for k in weights)
    kernel = "s0b_conv/kernel"  # 576 values: under HALF_FROM, kept float32; the dense head is halved
    assert np.array_equal(halved[kernel], weights[kernel])
    assert np.allclose(halved["head_fc/kernel"], weights["head_fc/kernel"], rtol=1e-3, atol=1e-4)
    with pytest.raises(ModelFileError, match=r"best\.npz: does not fit the network"):
        set_weights(network_for({"config": {"widths": [8, 16, 32]}}, tmp_path), exact, tmp_path / "best.npz")
    (tmp_path / "bad.npz").write_bytes(b"PK not a zip")
    with pytest.raises(ModelFileError, match=r"bad\.npz: not a weights archive"):
        read_weights(tmp_path / "bad.npz")


def test_the_pack_is_verified_file_by_file(tmp_path: Path) -> None:
    data = write_packed(tmp_path / "source", {"train": 3, "val": 1})
    manifest = gpu_pack.pack(data, tmp_path / "pack", wheels=False)
    assert manifest["data"] == {"train": 21, "val": 7} and manifest["wheels"] == {}
    names = [
        "faces.webp",
        "meta.json",
        "train_index.npy",
        "train_labels.npy",
        "val_index.npy",
        "val_labels.npy",
    ]
    assert sorted(manifest["files"]) == [f"data/{name}" for name in names]
    assert verify_manifest(tmp_path / "pack") == manifest
    assert len(load_dataset(tmp_path / "pack" / "data")["train"].labels) == 21
    labels = tmp_path / "pack" / "data" / "val_labels.npy"
    labels.write_bytes(labels.read_bytes()[:-1] + bytes([labels.read_bytes()[-1] ^ 1]))  # one label
    with pytest.raises(GpuRunError, match=r"val_labels\.npy differs from the manifest"):
        verify_manifest(tmp_path / "pack")
    (tmp_path / "pack" / "data" / "faces.webp").unlink()
    with pytest.raises(GpuRunError, match=r"faces\.webp is missing"):
        verify_manifest(tmp_path / "pack")
    with pytest.raises(GpuRunError, match="run gpu-pack here first"):
        verify_manifest(tmp_path)
    (tmp_path / "only-train").mkdir()
    with pytest.raises((GpuRunError, DataError), match="val"):
        gpu_pack.pack(write_packed(tmp_path / "only-train", {"train": 2}), tmp_path / "pack2", wheels=False)


def test_the_wheels_are_chosen_for_this_python_or_their_absence_named(tmp_path: Path) -> None:
    """A carried distribution already installed at its version is skipped; otherwise a wheel whose
    tags this interpreter accepts is taken, and without one the run names what is missing."""
    other = "optree-0.20.0-cp27-cp27m-manylinux1_x86_64.whl"  # a wheel for another Python
    files = {name: {} for name in ["keras-99.0.0-py3-none-any.whl", other]}
    for name in files:
        (tmp_path / name).write_bytes(b"")
    manifest = {"files": files, "wheels": {"keras": "99.0.0", "namex": keras_dependency("namex")}}
    assert [p.name for p in wheels_to_install(tmp_path, manifest)] == ["keras-99.0.0-py3-none-any.whl"]
    manifest["wheels"]["optree"] = "0.20.0-not-installed"
    with pytest.raises(
        GpuRunError, match=r"optree 0\.20\.0-not-installed is not installed here and .* no wheel"
    ):
        wheels_to_install(tmp_path, manifest)


def keras_dependency(name: str) -> str:
    from importlib import metadata

    return metadata.version(name)


def test_a_wheels_requirements_leave_out_extras(tmp_path: Path) -> None:
    wheel = tmp_path / "demo-1.0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr(
            "demo-1.0.dist-info/METADATA",
            "Name: demo\nRequires-Dist: numpy\nRequires-Dist: ML_Dtypes>=0.5\n"
            'Requires-Dist: pytest; extra == "test"\n',
        )
    assert gpu_pack.requirements(wheel) == {"numpy", "ml-dtypes"}


def test_the_pack_folder_is_ignored_and_counted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    (repo / "tracked.txt").write_bytes(b"x" * 1000)
    (repo / "gpu-pack").mkdir()
    (repo / "gpu-pack" / "data.bin").write_bytes(b"y" * 5000)
    monkeypatch.setattr(gpu_pack, "REPO", repo)
    assert gpu_pack.ensure_ignored(repo / "gpu-pack") is True
    assert "/gpu-pack/" in (repo / ".git" / "info" / "exclude").read_text().splitlines()
    assert gpu_pack.ensure_ignored(repo / "gpu-pack") is False  # once
    assert gpu_pack.travel_bytes(repo / "gpu-pack") == 6000  # the pack counted once, not twice
    command = gpu_pack.device_command("gpu-pack")
    assert len(command) < 2000 and "gpu-run" in command


@pytest.mark.slow
def test_the_gpu_run_dry_on_this_cpu(tmp_path: Path) -> None:
    """The device's own entry script end to end on tiny data: its files are what the device tool
    brings back, the imported network is the one the JAX side scored best (TensorFlow scores the
    same faces alike), and the ONNX file cuts the training crop and matches Keras."""
    from training.gpu_dry_run import MEMBERS, dry_run
    from training.import_run import import_weights
    from training.train import TrainConfig, train, validation_scores

    result = dry_run(tmp_path / "dry")
    assert result["returncode"] == 0, result["output"]
    out = tmp_path / "dry" / "out"
    files = [p for p in out.rglob("*") if p.is_file()]
    assert sorted(result["files"]) == sorted(
        f"{m.name}/{n}" for m in MEMBERS for n in ("best.npz", "last.npz")
    )
    assert len(files) <= MAX_FILES and all(p.stat().st_size <= MAX_FILE_BYTES for p in files)
    assert all(len(p.relative_to(out).parts) <= 3 and re.fullmatch(r"[\w.-]+", p.name) for p in files)
    val = load_dataset(tmp_path / "dry" / "gpu-pack" / "data")["val"]
    for member in MEMBERS:
        facts = result["members"][member.name]
        run = Path(facts["run"])
        state = json.loads((run / "state.json").read_text())
        assert state["imported"]["resumable"] is False and state["epoch"] == facts["epochs"] > 1
        assert facts["parity"] < 1e-4 and facts["view"] == str(state["config"]["crop"]) == "44"
        best = keras.models.load_model(run / "best.keras", compile=False)
        scored = validation_scores(best, val, crop=44)["val_accuracy"]
        assert scored == pytest.approx(state["best_val_accuracy"], abs=1.5 / len(val.labels))
        assert facts["n"] == len(val.labels)
        with pytest.raises(DataError, match="cannot be resumed"):
            train(tmp_path / "dry" / "gpu-pack" / "data", run, resume=True, config=TrainConfig())
    assert max(result["members"][m.name]["best_val_accuracy"] for m in MEMBERS) > 0.3  # it learnt
    again = import_weights(out / MEMBERS[0].name, tmp_path / "again")  # import is repeatable
    assert again.written == ("best.keras", "last.keras", "state.json", "curves.png")

"""The v2 training recipe: augmentation geometry, exact resume of the input stream, bf16 detection,
the weight average kept as best.keras, and float32 export of a mixed-precision checkpoint."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np
import pytest

pytestmark = pytest.mark.slow
pytest.importorskip("tensorflow")

import keras  # noqa: E402

from training.augment import AugmentConfig, augment_batch, draw  # noqa: E402
from training.data import LABELS, Split  # noqa: E402
from training.errors import ModelFileError  # noqa: E402
from training.export import as_float32, load_keras  # noqa: E402
from training.model import make_model  # noqa: E402
from training.train import TrainConfig, bf16_available, steps_per_epoch, train, train_batches  # noqa: E402

STILL = AugmentConfig(crop=48, scale=0.0, rotation_deg=0.0, shift=0.0, brightness=0.0, contrast=0.0,
                      erase_prob=0.0, mixup_alpha=0.0)  # fmt: skip


def _faces(count: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, (count, 48, 48), dtype=np.uint8)
    labels = np.eye(len(LABELS), dtype=np.float32)[rng.integers(0, len(LABELS), count)]
    return images, labels, np.ones(count, np.float32)


def _augment(images: np.ndarray, labels: np.ndarray, weights: np.ndarray, config: AugmentConfig, seed: int,
             step: int) -> tuple[np.ndarray, ...]:  # fmt: skip
    out = augment_batch(images, labels, weights, draw(len(images), 48, config, seed, step))
    return tuple(np.asarray(part) for part in out)


def test_without_jitter_the_warp_is_the_face_or_its_mirror() -> None:
    images, labels, weights = _faces(16)
    x, y, w = _augment(images, labels, weights, STILL, 1, 0)
    faces = images.astype(np.float32)
    out = x[..., 0]
    for face, got in zip(faces, out, strict=True):
        assert np.allclose(got, face, atol=1e-3) or np.allclose(got, face[:, ::-1], atol=1e-3)
    mirrored = sum(not np.allclose(g, f, atol=1e-3) for f, g in zip(faces, out, strict=True))
    assert 0 < mirrored < 16  # about half are flipped
    assert np.array_equal(y, labels) and np.array_equal(w, weights)


def test_augmentation_crops_stays_in_range_and_is_reproducible() -> None:
    images, labels, weights = _faces(32)
    config = AugmentConfig()
    x, y, w = _augment(images, labels, weights, config, 7, 3)
    again, _, _ = _augment(images, labels, weights, config, 7, 3)
    other, _, _ = _augment(images, labels, weights, config, 7, 4)
    assert x.shape == (32, config.crop, config.crop, 1) and x.dtype == np.float32
    assert x.min() >= 0.0 and x.max() <= 255.0
    assert np.array_equal(x, again)
    assert not np.array_equal(x, other)
    assert np.allclose(y.sum(axis=1), 1.0)  # mixup keeps each target a distribution
    assert (y.max(axis=1) >= 0.5 - 1e-6).all()  # and each face's own label ahead
    assert w.shape == (32,)


def test_the_draws_are_the_recipes_ranges() -> None:
    """The numpy draws behind the warp, jitter, erasing and mixup: within the v2 recipe's ranges
    (2,560 faces), about half mirrored and half erased."""
    config = AugmentConfig()
    draws = draw(2560, 48, config, 2013, 5)
    scale = np.hypot(draws.transforms[:, 3], draws.transforms[:, 4])  # 1 / zoom
    assert scale.min() >= 1 / 1.1 - 1e-5 and scale.max() <= 1 / 0.9 + 1e-5
    mirrored = (draws.transforms[:, 0] * draws.transforms[:, 4] < 0).mean()  # the x axis flipped
    assert 0.45 < mirrored < 0.55
    assert draws.contrast.min() >= 0.8 and draws.contrast.max() <= 1.2
    assert np.abs(draws.brightness).max() <= 25.5
    erased = draws.erase[:, 2] > 0
    assert (
        0.45 < erased.mean() < 0.55 and (draws.erase[erased, 2:].prod(axis=1) <= 0.2 * 44 * 44 + 1e-3).all()
    )
    assert draws.mix.min() >= 0.5 and draws.mix.max() <= 1.0
    assert draws.noise.shape == (2560, 44, 44, 1) and draws.noise.min() >= 0 and draws.noise.max() < 255


def test_resuming_replays_the_same_batches() -> None:
    rng = np.random.default_rng(0)
    split = Split(rng.integers(0, 256, (70, 48, 48), dtype=np.uint8), rng.integers(0, len(LABELS), 70))
    config = TrainConfig(batch_size=16)
    steps = steps_per_epoch(split, config)
    from_start = list(itertools.islice(train_batches(split, config, 0), 2 * steps))
    resumed = list(itertools.islice(train_batches(split, config, 1), steps))
    for a, b in zip(from_start[steps:], resumed, strict=True):
        assert all(np.array_equal(np.asarray(p), np.asarray(q)) for p, q in zip(a, b, strict=True))
    assert not np.array_equal(np.asarray(from_start[0][0]), np.asarray(from_start[steps][0]))  # epochs differ


def test_bf16_follows_the_cpu_flags(tmp_path: Path) -> None:
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor : 0\nflags : fpu sse avx2 avx512f amx_tile amx_bf16 amx_int8\n")
    assert bf16_available(cpuinfo)
    cpuinfo.write_text("processor : 0\nflags : fpu sse avx2 avx512f avx512_bf16\n")
    assert bf16_available(cpuinfo)
    cpuinfo.write_text("processor : 0\nflags : fpu sse avx2 avx512f\n")
    assert not bf16_available(cpuinfo)
    assert not bf16_available(tmp_path / "missing")


@pytest.mark.parametrize("bf16", [False, True], ids=["float32", "bf16"])
def test_best_keeps_the_better_of_average_and_raw_and_training_goes_on_with_the_raw_weights(
    tmp_path: Path, bf16: bool
) -> None:
    from training.synthetic import write_folder

    write_folder(tmp_path / "data" / "train", per_class=4)
    write_folder(tmp_path / "data" / "val", per_class=1, seed=1, faults=False)
    config = TrainConfig(epochs=1, batch_size=8, widths=(8, 16), warmup_epochs=0, ema_momentum=0.5)
    state = train(tmp_path / "data", tmp_path / "run", config=config, bf16=bf16)
    assert state["epoch"] == 1 and state["best_epoch"] == 1 and state["config"]["bf16"] is bf16
    assert {"val_accuracy", "learning_rate", "val_recall_disgust"} <= set(state["history"][-1])
    last = keras.models.load_model(tmp_path / "run" / "last.keras")
    averages = [v.numpy() for v in last.optimizer._model_variables_moving_average]
    raw = [v.numpy() for v in last.trainable_variables]
    assert any(not np.allclose(a, r) for a, r in zip(averages, raw, strict=True))
    best = keras.models.load_model(tmp_path / "run" / "best.keras", compile=False)
    kept = averages if state["best_weights"] == "average" else raw  # whichever scored better
    for got, want in zip(best.trainable_variables, kept, strict=True):
        assert np.allclose(got.numpy(), want)
    row = state["history"][-1]
    assert state["best_val_accuracy"] == max(row["val_accuracy"], row["val_accuracy_raw"])
    # A run carried to another machine without best.keras (checkpoints/ keeps last.keras only):
    # the resumed run's next epoch becomes the best, so there is always a file to export.
    (tmp_path / "run" / "best.keras").unlink()
    state = train(tmp_path / "data", tmp_path / "run", epochs=2, resume=True)
    assert state["best_epoch"] == 2 and (tmp_path / "run" / "best.keras").is_file()
    assert state["config"]["bf16"] is bf16  # the resumed run keeps its precision


def test_train_puts_the_callers_dtype_policy_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keras's dtype policy is process-wide: a run sets it for its own network only, also when
    it fails, so a model built after it (here, or by the next test) is not bf16 by accident."""
    from training.synthetic import write_folder

    write_folder(tmp_path / "data" / "train", per_class=2)
    config = TrainConfig(epochs=1, batch_size=8, widths=(8, 16), warmup_epochs=0)
    seen: list[str] = []

    def failing_fit(self: keras.Model, *args: object, **kwargs: object) -> None:
        seen.append(keras.mixed_precision.global_policy().name)
        raise RuntimeError("stopped")

    monkeypatch.setattr(keras.Model, "fit", failing_fit)
    previous = keras.mixed_precision.global_policy()
    try:
        for caller, bf16 in (("float32", True), ("mixed_bfloat16", False)):
            keras.mixed_precision.set_global_policy(caller)
            with pytest.raises(RuntimeError, match="stopped"):
                train(tmp_path / "data", tmp_path / f"run-{caller}", config=config, bf16=bf16)
            assert keras.mixed_precision.global_policy().name == caller
    finally:
        keras.mixed_precision.set_global_policy(previous)
    assert seen == ["mixed_bfloat16", "float32"]  # the run itself computed as asked


def test_a_mixed_bfloat16_checkpoint_exports_as_float32(tmp_path: Path) -> None:
    previous = keras.mixed_precision.global_policy()
    keras.mixed_precision.set_global_policy("mixed_bfloat16")
    try:
        model = make_model(input_shape=(None, None, 1), widths=(8, 16), augment=False)
    finally:
        keras.mixed_precision.set_global_policy(previous)
    path = tmp_path / "mixed.keras"
    model.save(path)
    loaded = load_keras(path)
    assert {layer.dtype_policy.name for layer in loaded.layers} == {"float32"}
    x = np.random.default_rng(0).integers(0, 256, (4, 48, 48, 1)).astype(np.float32)
    assert np.abs(np.asarray(loaded(x)) - np.asarray(model(x), dtype=np.float32)).max() < 0.02
    assert as_float32(loaded) is loaded  # already float32: unchanged


def test_validation_and_the_export_show_a_crop_trained_net_its_centre_view(tmp_path: Path) -> None:
    import json

    from training.export import export
    from training.onnx_model import load_onnx
    from training.train import centre_view, validation_scores

    faces = np.arange(2 * 48 * 48, dtype=np.uint32).reshape(2, 48, 48).astype(np.uint8)
    assert np.array_equal(centre_view(faces, 44), faces[:, 2:46, 2:46])
    assert centre_view(faces, 48) is faces

    model = make_model(input_shape=(None, None, 1), widths=(8, 16), augment=False)
    seen: list[tuple[int, ...]] = []
    original = model.predict

    def spy(x: np.ndarray, **kwargs: object) -> np.ndarray:
        seen.append(tuple(x.shape))
        return original(x, **kwargs)

    model.predict = spy  # type: ignore[method-assign]
    validation_scores(model, Split(faces, np.array([0, 1])), crop=44)
    assert seen == [(2, 44, 44, 1)]

    run = tmp_path / "run"
    run.mkdir()
    model.save(run / "best.keras")
    (run / "state.json").write_text(json.dumps({"config": {"crop": 44}, "best_val_accuracy": 0.5}))
    result = export(run / "best.keras", tmp_path / "view.onnx")  # parity checks the crop as well
    assert result.metadata["view"] == "44" and result.max_abs_diff < 1e-4
    onnx_model = load_onnx(tmp_path / "view.onnx")
    assert onnx_model.input_size == (48, 48)
    x = np.random.default_rng(1).integers(0, 256, (3, 48, 48, 1)).astype(np.float32)
    inner = np.asarray(model(x[:, 2:46, 2:46], training=False))
    mirror = np.asarray(model(np.ascontiguousarray(x[:, 2:46, 2:46][:, :, ::-1]), training=False))
    assert np.abs(onnx_model.predict(x) - (inner + mirror) / 2).max() < 1e-4
    whole = export(run / "best.keras", tmp_path / "whole.onnx", view=0)
    assert whole.metadata["view"] == "48"
    # Copied away from its run, the checkpoint no longer says its crop: the export asks, never guesses
    (tmp_path / "alone").mkdir()
    (run / "best.keras").rename(tmp_path / "alone" / "best.keras")
    with pytest.raises(ModelFileError, match=r"no state\.json beside it gives its training crop"):
        export(tmp_path / "alone" / "best.keras", tmp_path / "guess.onnx")
    assert not (tmp_path / "guess.onnx").exists()
    assert export(tmp_path / "alone" / "best.keras", tmp_path / "told.onnx", view=44).metadata["view"] == "44"


def test_cli_takes_the_recipe_options(capsys: pytest.CaptureFixture[str]) -> None:
    from training.cli import _parser

    args = _parser().parse_args(
        ["train", "--data", "d", "--out", "o", "--widths", "40,80,160,320", "--crop", "40", "--no-bf16"]
    )
    assert args.widths == (40, 80, 160, 320) and args.crop == 40 and args.no_bf16
    with pytest.raises(SystemExit):
        _parser().parse_args(["train", "--data", "d", "--out", "o", "--widths", "40,x"])
    assert "expected channels per stage" in capsys.readouterr().err

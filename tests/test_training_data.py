"""Data loading: both FER-2013 forms, label aliases and numbering, faults counted, clear errors."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("cv2")

from training.data import (
    LABELS,
    DataError,
    canonical_label,
    load_csv,
    load_dataset,
    load_folder,
    read_image,
)
from training.synthetic import BAND, CSV_NUMBERS, write_csv, write_folder


def _band_label(image: np.ndarray) -> str:
    """The class drawn into a synthetic image: the band of bright rows."""
    return LABELS[int(np.argmax(image.mean(axis=1))) // BAND]


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Fearful", "fear"),
        ("happiness", "happy"),
        ("anger", "angry"),
        (" Surprised ", "surprise"),
        ("sadness", "sad"),
        ("DISGUSTED", "disgust"),
        ("neutral", "neutral"),
        ("contempt", None),
    ],
)
def test_class_folder_aliases(name: str, label: str | None) -> None:
    assert canonical_label(name) == label


def test_csv_maps_original_numbering_and_counts_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "fer2013.csv"
    bad = write_csv(path, {"Training": 3, "PublicTest": 2, "PrivateTest": 1})
    splits = load_csv(path)
    assert sorted(splits) == ["test", "train", "val"]
    train = splits["train"]
    assert train.images.shape == (3 * len(LABELS), 48, 48) and train.images.dtype == np.uint8
    assert train.skipped == bad == 3
    assert train.counts() == dict.fromkeys(LABELS, 3)
    # Each image carries its class as a band: the label must agree (sad=4 and neutral=6 in the CSV).
    assert [LABELS[i] for i in train.labels] == [_band_label(im) for im in train.images]
    assert CSV_NUMBERS["sad"] == 4 and LABELS[4] == "neutral"


def test_folder_aliases_faults_counted_not_fatal(tmp_path: Path) -> None:
    expected = write_folder(tmp_path, per_class=2)
    split = load_folder(tmp_path)
    assert len(split.labels) == expected["images"] == 15
    assert split.skipped == expected["skipped"] == 1  # corrupt.png; notes.txt is not an image
    assert split.unknown_classes == ["contempt"]
    assert split.images.shape[1:] == (48, 48)
    assert split.counts()["sad"] == 3  # the odd-sized image, resized
    assert [LABELS[i] for i in split.labels] == [_band_label(im) for im in split.images]


def test_odd_size_is_resized_and_corrupt_is_none(tmp_path: Path) -> None:
    write_folder(tmp_path, per_class=1)
    assert read_image(tmp_path / "sadness" / "odd.jpg").shape == (48, 48)  # type: ignore[union-attr]
    assert read_image(tmp_path / "Angry" / "corrupt.png") is None
    (tmp_path / "empty.png").write_bytes(b"")
    assert read_image(tmp_path / "empty.png") is None
    assert read_image(tmp_path / "missing.png") is None


def test_dataset_root_forms(tmp_path: Path) -> None:
    write_folder(tmp_path / "split" / "train", per_class=2)
    write_folder(tmp_path / "split" / "Validation", per_class=1, faults=False)
    assert {k: len(v.labels) for k, v in load_dataset(tmp_path / "split").items()} == {"train": 15, "val": 7}
    write_csv(tmp_path / "csvdir" / "fer2013.csv", {"Training": 1, "PublicTest": 1})
    assert sorted(load_dataset(tmp_path / "csvdir")) == ["train", "val"]
    assert sorted(load_dataset(tmp_path / "csvdir" / "fer2013.csv")) == ["train", "val"]
    write_folder(tmp_path / "classes", per_class=1, faults=False)
    assert list(load_dataset(tmp_path / "classes")) == ["train"]


def test_bad_data_gives_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="does not exist"):
        load_dataset(tmp_path / "nowhere")
    (tmp_path / "empty").mkdir()
    with pytest.raises(DataError, match=r"empty \(no sub-folders\)"):
        load_dataset(tmp_path / "empty")
    (tmp_path / "odd" / "contempt").mkdir(parents=True)
    with pytest.raises(DataError, match="unknown folders: contempt"):
        load_dataset(tmp_path / "odd")
    (tmp_path / "no_images" / "happy").mkdir(parents=True)
    with pytest.raises(DataError, match=r"no images found in .*no_images"):
        load_folder(tmp_path / "no_images")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00binary\x00junk", "not a readable FER-2013 CSV"),
        (b"a,b,c\n1,2,3\n", "not a FER-2013 CSV"),
        (b"", "not a FER-2013 CSV"),
        (b"emotion,pixels,Usage\n3,1 2 3,Training\n", "no usable rows"),
    ],
)
def test_malformed_csv_is_a_data_error(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "fer2013.csv"
    path.write_bytes(content)
    with pytest.raises(DataError, match=message) as error:
        load_dataset(path)
    assert str(path) in str(error.value)


def test_packed_data_round_trips_losslessly_each_face_stored_once(tmp_path: Path) -> None:
    """The packed form gives back every face and label exactly; a face repeated within or across
    splits (FER-2013 has such) is stored once, and the evaluation split is its val."""
    import json

    from training.evaluate import load_eval_split
    from training.packed import write_packed
    from training.synthetic import split

    rng = np.random.default_rng(3)
    train = split(20, seed=1)  # 140 faces: a second, padded row of the 128-column mosaic
    train.images[:] = rng.integers(0, 256, train.images.shape, dtype=np.uint8)  # noise: nothing to smooth
    train.images[5] = train.images[0]  # a repeat within train, with another label
    val = split(2, seed=2)
    val.images[3] = train.images[7]  # a val face that is a train face
    write_packed(tmp_path / "packed", {"train": train, "val": val})
    loaded = load_dataset(tmp_path / "packed")
    assert sorted(loaded) == ["train", "val"]
    assert np.array_equal(loaded["train"].images, train.images)
    assert np.array_equal(loaded["train"].labels, train.labels) and loaded["train"].labels.dtype == np.int64
    assert np.array_equal(loaded["val"].images, val.images) and np.array_equal(
        loaded["val"].labels, val.labels
    )
    meta = json.loads((tmp_path / "packed" / "meta.json").read_text())
    assert meta["splits"]["train"]["tiles"] == 140 + 14 - 2  # the two repeats stored once
    assert load_eval_split(tmp_path / "packed")[0] == "val"


def test_the_shared_packs_layout_a_mosaic_a_split_is_read(tmp_path: Path) -> None:
    """../shared/datasets/fer2013-packed: `<split>.webp` without an index, padded last row."""
    import json

    import cv2

    from training.packed import mosaic
    from training.synthetic import split

    faces = split(20, seed=4)  # 140 faces
    cv2.imencode(".webp", mosaic(faces.images), [cv2.IMWRITE_WEBP_QUALITY, 101])[1].tofile(
        str(tmp_path / "train.webp")
    )
    np.save(tmp_path / "train_labels.npy", faces.labels.astype(np.uint8))
    spec = {"images": 140, "columns": 128, "file": "train.webp", "labels": "train_labels.npy"}
    (tmp_path / "meta.json").write_text(
        json.dumps({"labels": list(LABELS), "face": 48, "splits": {"train": spec}})
    )
    loaded = load_dataset(tmp_path)["train"]
    assert np.array_equal(loaded.images, faces.images) and np.array_equal(loaded.labels, faces.labels)


def test_packed_labels_follow_the_packs_own_order(tmp_path: Path) -> None:
    """meta.json's label names map the pack's indices onto LABELS (the shared pack and ours agree,
    another order is read right)."""
    import json

    from training.packed import write_packed
    from training.synthetic import split

    faces = split(1)
    write_packed(tmp_path, {"train": faces})
    meta = json.loads((tmp_path / "meta.json").read_text())
    meta["labels"] = list(reversed(LABELS))  # index 0 now means surprise
    (tmp_path / "meta.json").write_text(json.dumps(meta))
    labels = load_dataset(tmp_path)["train"].labels
    assert [LABELS[i] for i in labels] == list(reversed(LABELS))
    assert [_band_label(image) for image in faces.images] == list(LABELS)


def test_a_broken_pack_names_the_file(tmp_path: Path) -> None:
    from training.packed import write_packed
    from training.synthetic import split

    write_packed(tmp_path, {"train": split(2), "val": split(1)})  # 20 tiles: the first face is in both
    np.save(tmp_path / "val_labels.npy", np.zeros(3, np.uint8))
    with pytest.raises(DataError, match=r"val_labels\.npy: expected 7 label indices"):
        load_dataset(tmp_path)
    np.save(tmp_path / "val_index.npy", np.full(7, 999, np.uint16))
    with pytest.raises(DataError, match=r"val_index\.npy: expected 7 tile indices below 20"):
        load_dataset(tmp_path)
    (tmp_path / "faces.webp").write_bytes(b"RIFF not an image")
    with pytest.raises(DataError, match=r"faces\.webp: missing or not an image"):
        load_dataset(tmp_path)

"""`packs lint`: each rule trips on a pack made bad in exactly that way, a clean pack passes, and
every bundled pack passes with no warning. Pack fields: `{{id}}` reads its default until the
commune fills it in, in the steps, the quiz and the skill checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_cli
from volunteer_kit.packs.lint import lint_pack, screen_lines, word_count
from volunteer_kit.packs.reader import PackInvalid, read_pack

LESSONS = ROOT / "lessons"
BUNDLED = sorted(p.parent.name for p in LESSONS.glob("*/manifest.json"))
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 60 80"><title>Điện thoại</title>'
    '<rect width="60" height="80" fill="#fff"/></svg>'
)


def _text(vi: str) -> dict[str, str]:
    return {"vi": vi, "en": vi}


def _single(qid: str, right: int, texts: list[str]) -> dict:
    ids = "abcd"
    return {
        "id": qid,
        "kind": "single",
        "prompt": _text(f"Câu hỏi {qid}: ông/bà làm gì?"),
        "choices": [{"id": ids[i], "text": _text(t)} for i, t in enumerate(texts)],
        "correct": [ids[right]],
        "explanation": _text("Vì đó là cách an toàn."),
    }


def _true_false(qid: str, answer: str) -> dict:
    return {
        "id": qid,
        "kind": "true_false",
        "prompt": _text(f"Ông/bà có nên làm việc {qid} không?"),
        "choices": [{"id": "true", "text": _text("Đúng")}, {"id": "false", "text": _text("Sai")}],
        "correct": [answer],
        "explanation": _text("Giải thích ngắn."),
    }


CLEAN_QUIZ = {
    "pass_percent": 70,
    "questions": [
        # The right answer moves over the positions and is not the longest choice.
        _single("q1", 0, ["Cúp máy", "Đọc mã cho người gọi", "Chuyển tiền ngay", "Hỏi lại số tài khoản"]),
        _single(
            "q2", 1, ["Bấm vào đường link", "Mở ứng dụng", "Gửi ảnh căn cước qua tin", "Trả lời tin nhắn"]
        ),
        _single(
            "q3", 2, ["Đưa mật khẩu cho cháu", "Ghi mã lên giấy dán", "Giữ kín", "Đọc to trước mọi người"]
        ),
        _single(
            "q4", 3, ["Gọi lại số vừa gọi đến", "Làm theo tin nhắn lạ", "Cài ứng dụng qua link", "Hỏi con"]
        ),
        _true_false("q5", "true"),
        _true_false("q6", "false"),
        _true_false("q7", "true"),
        {
            "id": "q8",
            "kind": "multiple",
            "prompt": _text("Việc nào an toàn? (Chọn tất cả ý đúng)"),
            "choices": [
                {"id": "a", "text": _text("Tự mở ứng dụng ngân hàng")},
                {"id": "b", "text": _text("Bấm đường link trong tin nhắn")},
                {"id": "c", "text": _text("Gọi số in sau thẻ")},
                {"id": "d", "text": _text("Đọc mã OTP cho người gọi")},
                {"id": "e", "text": _text("Cài ứng dụng người lạ gửi")},
            ],
            "correct": ["a", "c"],
            "explanation": _text("Chỉ tự mở ứng dụng và gọi số chính thức."),
        },
    ],
}
CLEAN_LESSON = """# Mở ứng dụng

## Bước 1: Tìm biểu tượng
- Bấm vào biểu tượng ứng dụng trên màn hình chính.

![Màn hình chính](../media/man-hinh.svg)

```notes
Để người học tự bấm.
```

## Bước 2: Chờ ứng dụng mở
- Ứng dụng mở sau vài giây. Không cần bấm nhiều lần.

## Bước 3: Nhập mật khẩu
- Gõ mật khẩu của ông/bà, không cho ai xem.

![Ô mật khẩu](../media/mat-khau.svg)
"""


def write_pack(folder: Path, *, lesson: str = CLEAN_LESSON, quiz: dict | None = None, **manifest) -> Path:
    """A small valid pack that lints clean, changed by the arguments."""
    (folder / "lessons").mkdir(parents=True)
    (folder / "media").mkdir()
    for name in ("man-hinh.svg", "mat-khau.svg"):
        (folder / "media" / name).write_text(SVG, encoding="utf-8")
    (folder / "lessons" / "01-mo.md").write_text(lesson, encoding="utf-8")
    (folder / "quiz.json").write_text(json.dumps(quiz or CLEAN_QUIZ, ensure_ascii=False), encoding="utf-8")
    data = {
        "format": 1,
        "id": "vn.test.mau",
        "version": "1.0.0",
        "title": _text("Gói thử"),
        "summary": _text("Một gói nhỏ để thử."),
        "audience": ["elderly"],
        "estimated_minutes": 30,
        "competencies": ["NLS-4.2"],
        "publisher": {"id": "test", "name": "Thử"},
        "sources": [{"title": "Cổng thông tin", "url": "https://example.gov.vn"}],
        "lessons": [{"id": "mo", "file": "lessons/01-mo.md", "title": _text("Mở ứng dụng")}],
        "quiz": "quiz.json",
        "skill_checks": [{"id": "mo", "required": True, "text": _text("Người học tự mở ứng dụng")}],
        "level": 1,
        **manifest,
    }
    (folder / "manifest.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def rules(folder: Path) -> list[str]:
    return [finding.rule for finding in lint_pack(read_pack(folder))]


def test_a_clean_pack_has_no_warning(tmp_path: Path) -> None:
    assert lint_pack(read_pack(write_pack(tmp_path / "p"))) == []


def test_right_answer_longest_in_most_questions(tmp_path: Path) -> None:
    quiz = json.loads(json.dumps(CLEAN_QUIZ))
    for question in quiz["questions"][:3]:  # 3 of 4: the right choice becomes the longest
        right = question["correct"][0]
        for choice in question["choices"]:
            if choice["id"] == right:
                choice["text"] = _text(choice["text"]["vi"] + " rồi hỏi người nhà cho chắc chắn")
    assert rules(write_pack(tmp_path / "p", quiz=quiz)) == ["answer-length"]


def test_right_answer_always_in_one_place(tmp_path: Path) -> None:
    quiz = json.loads(json.dumps(CLEAN_QUIZ))
    for question in quiz["questions"][:4]:
        question["correct"] = ["b"]  # "b" everywhere, as tri-tue-nhan-tao's five were
    found = lint_pack(read_pack(write_pack(tmp_path / "p", quiz=quiz)))
    assert [f.rule for f in found] == ["answer-position"]
    assert "choice 2 in 4 of 4" in found[0].text


def test_true_false_all_the_same(tmp_path: Path) -> None:
    quiz = json.loads(json.dumps(CLEAN_QUIZ))
    quiz["questions"][5]["correct"] = ["true"]
    assert rules(write_pack(tmp_path / "p", quiz=quiz)) == ["answer-position"]


def test_multiple_choice_with_one_wrong_choice(tmp_path: Path) -> None:
    quiz = json.loads(json.dumps(CLEAN_QUIZ))
    quiz["questions"][7]["correct"] = ["a", "c", "d", "e"]
    found = lint_pack(read_pack(write_pack(tmp_path / "p", quiz=quiz)))
    assert [f.rule for f in found] == ["multiple-choice"]
    assert "(q8)" in found[0].where


def test_a_long_step(tmp_path: Path) -> None:
    long_text = "- " + " ".join(["Ông/bà bấm"] * 24)  # 48 words on one line
    lesson = CLEAN_LESSON.replace("- Ứng dụng mở sau vài giây. Không cần bấm nhiều lần.", long_text)
    found = lint_pack(read_pack(write_pack(tmp_path / "p", lesson=lesson)))
    assert {f.rule for f in found} >= {"step-length", "step-fit"}
    assert all("steps[1]" in f.where for f in found if f.rule.startswith("step-"))


def test_a_step_too_tall_for_the_presenter_though_short_in_words(tmp_path: Path) -> None:
    short_lines = "\n".join(f"- Ý {n}." for n in range(1, 9))  # 8 bullets, 16 words
    lesson = CLEAN_LESSON.replace("- Ứng dụng mở sau vài giây. Không cần bấm nhiều lần.", short_lines)
    assert rules(write_pack(tmp_path / "p", lesson=lesson)) == ["step-fit"]


def test_an_instruction_without_a_picture(tmp_path: Path) -> None:
    lesson = CLEAN_LESSON.replace("![Ô mật khẩu](../media/mat-khau.svg)\n", "")
    found = lint_pack(read_pack(write_pack(tmp_path / "p", lesson=lesson)))
    # The picture that no step shows now is unused too.
    assert sorted(f.rule for f in found) == ["image-unused", "step-picture"]
    assert next(f for f in found if f.rule == "step-picture").where.startswith("lessons[0].steps[2]")


def test_mixed_forms_of_address(tmp_path: Path) -> None:
    quiz = json.loads(json.dumps(CLEAN_QUIZ))
    quiz["questions"][0]["prompt"] = _text("Có người gọi cho bạn. Bạn làm gì?")
    found = lint_pack(read_pack(write_pack(tmp_path / "p", quiz=quiz)))
    assert [f.rule for f in found] == ["address"]
    assert "quiz.json: q1" in found[0].where and "'bạn'" in found[0].text


def test_a_friend_is_not_a_form_of_address(tmp_path: Path) -> None:
    lesson = CLEAN_LESSON.replace(
        "Không cần bấm nhiều lần.", "Hỏi bạn bè hoặc người bạn thân. Kết bạn cẩn thận."
    )
    assert rules(write_pack(tmp_path / "p", lesson=lesson)) == []


def test_a_picture_no_step_shows(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "p")
    (folder / "media" / "thua.svg").write_text(SVG, encoding="utf-8")
    found = lint_pack(read_pack(folder))
    assert [(f.where, f.rule) for f in found] == [("media/thua.svg", "image-unused")]


def test_no_sources(tmp_path: Path) -> None:
    assert rules(write_pack(tmp_path / "p", sources=[])) == ["sources"]


def test_a_missing_picture_is_an_error_not_a_warning(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "p")
    (folder / "media" / "mat-khau.svg").unlink()
    result = run_cli("packs", "lint", str(folder))
    assert result.returncode == 1
    assert "lessons[0].steps[2]: image media/mat-khau.svg is not in the pack" in result.stderr


def test_the_command_exits_1_on_a_warning_and_check_shows_warnings(tmp_path: Path) -> None:
    folder = write_pack(tmp_path / "p", sources=[])
    linted = run_cli("packs", "lint", str(folder))
    assert linted.returncode == 1
    assert "[sources]" in linted.stdout and "1 cảnh báo" in linted.stdout
    as_json = run_cli("packs", "lint", "--json", str(folder))
    assert as_json.returncode == 1 and json.loads(as_json.stdout)[0]["rule"] == "sources"
    checked = run_cli("packs", "check", str(folder))
    assert checked.returncode == 0 and "[sources]" in checked.stdout  # usable, with a warning
    clean = run_cli("packs", "lint", str(write_pack(tmp_path / "q")))
    assert clean.returncode == 0, clean.stdout + clean.stderr
    missing = run_cli("packs", "lint", str(tmp_path / "nowhere"))
    assert missing.returncode != 0 and len(missing.stderr.strip().splitlines()) == 1


def test_word_count_and_lines_ignore_pictures_and_marks() -> None:
    assert word_count("- **Bấm** nút [Gửi](https://x.vn)\n\n![Hình một hai ba](../media/a.svg)") == 3
    assert screen_lines("Bước 1: Ngắn", "- Một dòng.") == 1
    assert screen_lines("Bước 1: Ngắn", "Đoạn một.\n\nĐoạn hai.") == 2.5


# Every bundled pack --------------------------------------------------------------------------
@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_pack_lints_clean(name: str) -> None:
    findings = lint_pack(read_pack(LESSONS / name))
    assert not findings, "\n".join(str(f) for f in findings)


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_pack_ends_on_the_national_platform_and_speaks_respectfully(name: str) -> None:
    pack = read_pack(LESSONS / name)
    last = pack.lessons[-1].steps[-1]
    assert "binhdanhocvuso.gov.vn" in last.body and last.images, last.title
    assert pack.manifest.level is not None and pack.manifest.sources
    assert f"`{name}`" in (LESSONS / "SOURCES.md").read_text(encoding="utf-8")
    from volunteer_kit.packs.lint import ADDRESS, _learner_texts

    called_ban = [where for where, text in _learner_texts(pack) if ADDRESS["bạn"].search(text)]
    assert not called_ban, called_ban


# Fields a commune fills in -------------------------------------------------------------------
FIELDS = [
    {
        "id": "ung-dung-tinh",
        "label": {"vi": "Tên ứng dụng công dân của tỉnh", "en": "The province's citizen app"},
        "default": {"vi": "ứng dụng công dân của tỉnh", "en": "the province's citizen app"},
    }
]


def _fielded(folder: Path) -> Path:
    lesson = CLEAN_LESSON.replace("biểu tượng ứng dụng", "biểu tượng {{ung-dung-tinh}}")
    quiz = json.loads(json.dumps(CLEAN_QUIZ))
    quiz["questions"][0]["prompt"] = {
        "vi": "Ông/bà mở {{ung-dung-tinh}} thế nào?",
        "en": "Open {{ung-dung-tinh}}?",
    }
    skill = [{"id": "mo", "required": True, "text": _text("Người học tự mở {{ung-dung-tinh}}")}]
    return write_pack(folder, lesson=lesson, quiz=quiz, fields=FIELDS, skill_checks=skill)


def test_a_field_reads_its_default_until_the_commune_fills_it_in(tmp_path: Path) -> None:
    folder = _fielded(tmp_path / "p")
    pack = read_pack(folder)
    assert "biểu tượng ứng dụng công dân của tỉnh" in pack.lessons[0].steps[0].body
    assert pack.quiz.questions[0].prompt.vi == "Ông/bà mở ứng dụng công dân của tỉnh thế nào?"
    assert pack.quiz.questions[0].prompt.en == "Open the province's citizen app?"
    assert pack.manifest.skill_checks[0].text.vi == "Người học tự mở ứng dụng công dân của tỉnh"
    filled = read_pack(folder, values={"vn.test.mau": {"ung-dung-tinh": "Huế-S"}})
    assert "biểu tượng Huế-S" in filled.lessons[0].steps[0].body
    assert filled.quiz.questions[0].prompt.en == "Open Huế-S?"
    assert filled.manifest.skill_checks[0].text.vi == "Người học tự mở Huế-S"
    assert lint_pack(pack) == []


def test_an_undeclared_field_or_a_field_in_a_title_is_refused(tmp_path: Path) -> None:
    folder = _fielded(tmp_path / "p")
    text = (folder / "lessons" / "01-mo.md").read_text(encoding="utf-8")
    text = text.replace("## Bước 2: Chờ ứng dụng mở", "## Bước 2: Chờ {{ung-dung-tinh}} mở")
    text = text.replace("không cho ai xem", "gọi {{so-xa}}")
    (folder / "lessons" / "01-mo.md").write_text(text, encoding="utf-8")
    with pytest.raises(PackInvalid) as caught:
        read_pack(folder)
    problems = "\n".join(caught.value.problems)
    assert "a title cannot hold a field ({{ung-dung-tinh}})" in problems
    assert "{{so-xa}} is not one of the pack's fields (ung-dung-tinh)" in problems


def test_the_commune_fills_in_a_field_from_the_command_line(tmp_path: Path, data_dir: Path) -> None:
    library_pack = _fielded(tmp_path / "p")
    assert (
        run_cli("packs", "import", str(library_pack), "--allow-unsigned", data_dir=data_dir).returncode == 0
    )
    shown = run_cli("packs", "fields", "vn.test.mau", "--json", data_dir=data_dir)
    assert json.loads(shown.stdout)[0]["value"] == ""
    set_ = run_cli("packs", "fields", "vn.test.mau", "--set", "ung-dung-tinh= Huế-S ", data_dir=data_dir)
    assert set_.returncode == 0 and "Huế-S" in set_.stdout
    saved = json.loads((data_dir / "pack-fields.json").read_text(encoding="utf-8"))
    assert saved == {"vn.test.mau": {"ung-dung-tinh": "Huế-S"}}
    before = (data_dir / "pack-fields.json").read_bytes()
    for bad in (
        ["--set", "khong-co=x"],
        ["--set", "ung-dung-tinh=" + "x" * 121],
        ["--set", "khong-dau-bang"],
    ):
        refused = run_cli("packs", "fields", "vn.test.mau", *bad, data_dir=data_dir)
        assert refused.returncode != 0 and len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert (data_dir / "pack-fields.json").read_bytes() == before  # nothing half-written
    cleared = run_cli("packs", "fields", "vn.test.mau", "--clear", "ung-dung-tinh", data_dir=data_dir)
    assert cleared.returncode == 0
    assert json.loads((data_dir / "pack-fields.json").read_text(encoding="utf-8")) == {}
    unknown = run_cli("packs", "fields", "vn.khong.co", data_dir=data_dir)
    assert unknown.returncode != 0 and "packs list" in unknown.stderr


def test_the_bundled_local_platforms_pack_has_fields() -> None:
    pack = read_pack(LESSONS / "nen-tang-so-dia-phuong")
    assert pack.manifest.fields and "HH-5" in pack.manifest.competencies
    everything = "\n".join(s.body + s.notes for lesson in pack.lessons for s in lesson.steps)
    assert "{{" not in everything

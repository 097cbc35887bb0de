"""Which paths `sopdsl serve` may write (only .sop files inside the served folders), and what a new file holds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sopdsl.serve.workspace import Refused, Workspace

from .sop_files import write_sop

PARTS = st.sampled_from(["lib", "sub", "..", ".", "", "out", "link", "inner-link", "a.sop", "b.txt", ".sop",
                         ".hidden.sop", "x.sop", "/", "~"])


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A served folder `lib` with a subfolder, a file outside, and symlinks pointing in and out."""
    base = tmp_path_factory.mktemp("served")
    lib = base / "lib"
    write_sop(lib / "sub", "a.sop")
    write_sop(base / "out", "x.sop")
    (lib / "link").symlink_to(base / "out", target_is_directory=True)
    (lib / "inner-link").symlink_to(lib / "sub", target_is_directory=True)
    (lib / "x.sop").symlink_to(base / "out" / "x.sop")
    return base, Workspace([str(lib)])


@settings(max_examples=400, deadline=None)
@given(parts=st.lists(PARTS, min_size=1, max_size=6), absolute=st.booleans())
def test_a_writable_path_is_always_a_sop_file_inside_the_served_folder(served, parts, absolute):
    base, workspace = served
    key = "/".join(parts)
    key = str(base / key) if absolute else key
    try:
        path = workspace.writable(key)
    except Refused:
        return
    real = Path(os.path.realpath(path))
    assert (base / "lib").resolve() in real.parents
    assert real.suffix == ".sop" and path.suffix == ".sop"
    assert ".." not in Path(key).parts


def test_inside_paths_and_symlinks_within_the_folder_are_writable(served):
    base, workspace = served
    assert workspace.writable(str(base / "lib" / "sub" / "a.sop")) == base / "lib" / "sub" / "a.sop"
    assert workspace.writable(str(base / "lib" / "inner-link" / "a.sop"))
    assert workspace.writable(str(base / "lib" / "new.sop"))
    for refused in ("lib/link/x.sop", "lib/x.sop", "lib/sub/../../out/x.sop", "out/x.sop", "lib/sub/a.txt"):
        with pytest.raises(Refused):
            workspace.writable(str(base / refused))


def test_the_new_sop_template_is_the_indonesian_example_of_the_contract(language_md):
    from sopdsl.serve.templates import TEMPLATE_ID

    example = language_md.split("The same SOP in Indonesian:\n```\n", 1)[1].split("```", 1)[0]
    assert TEMPLATE_ID == example


@pytest.mark.parametrize("host, accepted, refused", [
    ("127.0.0.1", ["127.0.0.1:8000", "localhost:8000", "[::1]:8000", "LOCALHOST:8000"],
     ["127.0.0.1:8001", "evil.example:8000", "127.0.0.1", "", "192.168.1.5:8000"]),
    ("192.168.1.5", ["192.168.1.5:8000"], ["localhost:8000", "127.0.0.1:8000"]),
    ("::1", ["[::1]:8000", "localhost:8000"], ["::1:8000", "evil.example:8000"]),
])
def test_the_guard_accepts_only_the_servers_own_names(host, accepted, refused):
    from sopdsl.serve.guard import TOKEN_HEADER, Guard

    guard = Guard(host, 8000)
    for name in accepted:
        assert guard.refusal({"Host": name}, writes=False) is None, name
        assert guard.refusal({"Host": name, "Origin": f"http://{name.lower()}"}, writes=False) is None, name
        assert guard.refusal({"Host": name, TOKEN_HEADER: guard.token}, writes=True) is None, name
        assert guard.refusal({"Host": name, TOKEN_HEADER: guard.token[:-1]}, writes=True) is not None, name
        assert guard.refusal({"Host": name, "Origin": f"http://{name}/path"}, writes=False) is not None, name
    for name in refused:
        assert guard.refusal({"Host": name, TOKEN_HEADER: guard.token}, writes=True) is not None, name
    assert Guard(host, 8000).token != guard.token

# JSON inputs for the streaming reader's tests: valid documents of random layout and their corruptions.
import random

WS = [" ", "  ", "\n", "\r\n", "\r", "\t", "\n  ", "\r\n\t", ""]
NAMES = ["Xã Pa Tần", "Thị trấn Sìn Hồ", "Xã Nậm Cha", "Xã Tả Ngảo", "Xã Căn Co", "Xã Ma Quai", "Xã Phìn Hồ", "Noong Hẻo"]
CRITERIA = ["1", "2", "3", "4", "5", "6", "7", "8"]


def ws(rng, blank):
    return rng.choice(WS) if blank else ""


def jstring(rng, text):
    """text as a JSON string, some characters escaped at random"""
    out = ['"']
    for ch in text:
        r = rng.random()
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20:
            out.append("\\u%04x" % ord(ch) if r < 0.5 else {"\t": "\\t", "\n": "\\n"}.get(ch, "\\u%04x" % ord(ch)))
        elif r < 0.08:
            out.append("\\u%04x" % ord(ch) if ord(ch) < 0x10000 else ch)
        elif r < 0.1 and ch == "/":
            out.append("\\/")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def number(rng):
    v = rng.uniform(0, 100)
    r = rng.random()
    if r < 0.1:
        return "%de0" % int(v)
    if r < 0.15:
        return "%.3fE+1" % (v / 10)
    if r < 0.25:
        return jstring(rng, ("%.2f" % v).replace(".", ","))
    if r < 0.3:
        return "null"
    if r < 0.35:
        return str(int(v))
    return "%.2f" % v


def units_doc(rng, rows, blank=True, long_names=False):
    """a valid units document"""
    parts = ["{", ws(rng, blank)]
    members = []
    if rng.random() < 0.5:
        members.append('"period"%s:%s%s' % (ws(rng, blank), ws(rng, blank), jstring(rng, "2023-Q3")))
    if rng.random() < 0.3:
        members.append('"extra":%s{"a": [1, 2, {"b": null}], "c": true}' % ws(rng, blank))
    body = ["["]
    seen = set()
    for i in range(rows):
        name = rng.choice(NAMES) + " %d" % i
        if long_names and rng.random() < 0.05:
            name += " ồ" * rng.randint(1, 3000)
        seen.add(name)
        keys = ["unit"] + CRITERIA
        if rng.random() < 0.2:
            rng.shuffle(keys)
        if rng.random() < 0.1:
            keys.remove(rng.choice(CRITERIA))
        if rng.random() < 0.05:
            keys.append("note")
        fields = []
        for k in keys:
            v = jstring(rng, name) if k == "unit" else jstring(rng, "ghi chú\tx") if k == "note" else number(rng)
            fields.append("%s%s:%s%s" % (jstring(rng, k), ws(rng, blank), ws(rng, blank), v))
        sep = "," + ws(rng, blank)
        body.append(("," if i else "") + ws(rng, blank) + "{" + ws(rng, blank) + sep.join(fields) + ws(rng, blank) + "}")
    body.append(ws(rng, blank) + "]")
    members.insert(rng.randint(0, len(members)), '"units"%s:%s%s' % (ws(rng, blank), ws(rng, blank), "".join(body)))
    if rng.random() < 0.3:
        members.append('"note"%s:%s"x\\u00e3"' % (ws(rng, blank), ws(rng, blank)))
    parts.append(("," + ws(rng, blank)).join(members))
    parts.append(ws(rng, blank) + "}" + ws(rng, blank))
    text = "".join(parts)
    data = text.encode("utf-8")
    if rng.random() < 0.2:
        data = b"\xef\xbb\xbf" + data
    return data


def scores_doc(rng):
    ids = ["1", "2", "3", "4", "5", "6", "7", "8", "sipas"]
    rng.shuffle(ids)
    rows = []
    for i in ids[: rng.randint(1, len(ids))]:
        kind = rng.random()
        val = number(rng) if kind < 0.8 else jstring(rng, "KAD")
        col = "score" if rng.random() < 0.8 else "points"
        if col == "points":
            val = "%.1f" % rng.uniform(0, 5)
        extra = ', "note": %s' % jstring(rng, "ghi chú \"x\"") if rng.random() < 0.3 else ""
        rows.append('{"id": %s, "%s": %s%s}' % (jstring(rng, i), col, val, extra))
    sep = rng.choice([", ", ",\n  ", ",\r\n", ","])
    text = '{"period": "2023-Q3", "scores": [%s]}' % sep.join(rows)
    if rng.random() < 0.5:
        text = '{"scores": [%s], "period": %s}' % (sep.join(rows), jstring(rng, "2023-Q3"))
    return text.encode("utf-8")


NOISE = [b"{", b"}", b"[", b"]", b",", b":", b'"', b"\\", b" ", b"\n", b"\r", b"\t", b"0", b"1", b"-", b".", b"e",
         b"n", b"t", b"f", b"a", b"\x00", b"\x01", b"\x1b", b"\x7f", b"\xff", b"\xc3", b"\xa3", b"\xe1\xba",
         b"\\u0000", b"\\ud800", b"\\udc00", b"\\u00", b"NaN", b"Infinity", b"1e400", b"01", b"\xef\xbb\xbf",
         b'"unit"', b'"1"', b'"units"', b'"period"', b"null", b"true", b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["]


def corrupt(rng, data, near=None):
    """one random damage, at an offset near `near` when given"""
    n = len(data)
    if n == 0:
        return rng.choice(NOISE)
    at = rng.randint(0, n) if near is None else max(0, min(n, near + rng.randint(-8, 8)))
    r = rng.random()
    if r < 0.25:
        return data[:at]
    if r < 0.5:
        return data[:at] + rng.choice(NOISE) + data[at:]
    if r < 0.75:
        return data[:at] + data[at + rng.randint(1, 4):]
    return data[:at] + rng.choice(NOISE) + data[at + rng.randint(1, 3):]


def plan_doc(rng):
    """a plan with a list column (owners), the plan's own shape"""
    rows = [('{"id": "total", "kind": "total", "name": "Tổng", "max_points": null, "baseline": 59.62, '
             '"baseline_rank": 8, "target": "Trên 65%%", "target_rank": 7, "owners": %s}' % owners(rng))]
    for i in range(1, 9):
        rows.append('{"id": %s, "kind": "criterion", "name": %s, "max_points": %s, "baseline": %.2f, '
                    '"target": ">50", "owners": %s}' % (jstring(rng, str(i)), jstring(rng, "Lĩnh vực %d" % i),
                                                         rng.choice(["12.5", '"12,5"', '"12.5"', "1.25e1"]),
                                                         rng.uniform(20, 90), owners(rng)))
    sep = rng.choice([",\n  ", ", ", ",\r\n"])
    text = '{"unit": "Sìn Hồ", "year": %s, "indicators": [\n  %s\n]}' % (rng.choice(["2023", '"2023"']), sep.join(rows))
    return text.encode("utf-8")


def owners(rng):
    names = ["Phòng Nội vụ", "Phòng Tư pháp", "UBND các xã", "Văn phòng \\u0048ĐND"]
    r = rng.random()
    if r < 0.1:
        return jstring(rng, "Phòng Nội vụ; Phòng Tư pháp")
    picked = [jstring(rng, n) if "\\" not in n else '"%s"' % n for n in rng.sample(names, rng.randint(0, 3))]
    if r < 0.15:
        picked.append(rng.choice(["7", "null", "true", "[]", "{}"]))
    return "[" + ", ".join(picked) + "]"


def peers_doc(rng):
    units = ["Sìn Hồ", "Tam Đường", "Phong Thổ", "Mường Tè", "Nậm Nhùn", "Tân Uyên", "Than Uyên", "Lai Châu"]
    rows = []
    for u in units[: rng.randint(1, 8)]:
        rows.append('{"unit": %s, "total": %s, "1": %s}' % (jstring(rng, u), number(rng), number(rng)))
    return ('{"peers": [%s]}' % rng.choice([", ", ",\n"]).join(rows)).encode("utf-8")


def mutate(rng, data):
    """a structural change that keeps the syntax: a key given twice, many keys, nested values, escapes"""
    text = data.decode("utf-8", "surrogateescape")
    r = rng.random()
    brace = [i for i, c in enumerate(text) if c == "{"]
    if not brace:
        return data
    at = rng.choice(brace) + 1
    if r < 0.2:  # a member given twice
        key = rng.choice(['"unit"', '"1"', '"period"', '"units"', '"id"', '"u\\u006eit"', '"score"'])
        text = text[:at] + "%s: 1, %s: 2, " % (key, key) + text[at:]
    elif r < 0.4:  # many keys in one object, or new columns in many rows
        n = rng.choice([10, 255, 256, 257, 300])
        text = text[:at] + "".join('"k%d": %d, ' % (k, k) for k in range(n)) + text[at:]
    elif r < 0.55:
        for at in sorted(rng.sample(brace, min(len(brace), rng.randint(1, 40))), reverse=True):
            text = text[:at + 1] + '"c%d": 1, ' % rng.randint(0, 400) + text[at + 1:]
    elif r < 0.7:  # a nested or odd value
        value = rng.choice(['{"a": 1}', "[1, 2]", "true", "false", "null", '"\\u001b[31m"', '"\\u202e"', '"\\ud83d\\ude00"',
                            '"x\\u0000"', '""', '"' + "y" * rng.choice([65536, 65537]) + '"', "[" * 40 + "]" * 40])
        key = rng.choice(['"unit"', '"1"', '"period"', '"note"', '"id"', '"owners"', '"total"', '"units"'])
        text = text[:at] + "%s: %s, " % (key, value) + text[at:]
    elif r < 0.85:  # top level: another member before or after
        value = rng.choice(['"2023-Q1"', "5", "null", '{"period": 1}', '"\\u0007"', "[1]", '"Q\\u00e3"'])
        key = rng.choice(['"period"', '"unit"', '"year"', '"x"', '"p\\u0065riod"'])
        if rng.random() < 0.5:
            text = "{%s: %s, " % (key, value) + text[text.index("{") + 1:]
        else:
            end = text.rindex("}")
            text = text[:end] + ", %s: %s" % (key, value) + text[end:]
    else:  # whitespace and line ends changed everywhere
        text = text.replace(", ", rng.choice([",\r", ",\r\n", ",\n\n", ", \t"]))
    return text.encode("utf-8", "surrogateescape")

#!/usr/bin/env bash
# Rebuilds the committed fonts from Debian's Noto packages. Not part of any build: Placard only
# ever reads the files committed here. Needs apt-get (Debian) and Python with fontTools 4.68.
#
#   assets/fonts/make-fonts.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download fonts-noto-core=20201225-1 'fonts-noto-cjk=1:20220127+repack1-1' > /dev/null
for deb in *.deb; do dpkg-deb -x "$deb" x; done
core=x/usr/share/fonts/truetype/noto
cjk=x/usr/share/fonts/opentype/noto

# Copied unchanged.
for f in NotoSans NotoSansArabic NotoNastaliqUrdu NotoSansGurmukhi; do
    for w in Regular Bold; do cp "$core/$f-$w.ttf" "$here/"; done
done

# Noto Sans CJK SC (face 2 of the collection) subset to: ASCII, Latin-1, general punctuation,
# CJK symbols and punctuation, fullwidth forms, the 3,755 level-1 hanzi of GB 2312 (the common
# characters of Simplified Chinese), and every character of locales/zh-Hans.
python3 - "$here" "$cjk" <<'PY'
import sys, pathlib
from fontTools import subset
from fontTools.ttLib import TTCollection
here, cjk = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
chars = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100)) | set(range(0x2000, 0x2070))
chars |= set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
for hi in range(0xB0, 0xD8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.add(ord(bytes([hi, lo]).decode('gb2312')))
        except UnicodeDecodeError:
            pass
for ftl in (here / '../../locales/zh-Hans').glob('*.ftl'):
    chars |= {ord(c) for c in ftl.read_text(encoding='utf-8')}
for weight in ('Regular', 'Bold'):
    font = TTCollection(str(cjk / f'NotoSansCJK-{weight}.ttc')).fonts[2]
    options = subset.Options()
    options.layout_features = ['*']
    options.name_IDs = ['*']
    options.name_languages = ['*']
    options.notdef_outline = True
    options.glyph_names = False
    options.hinting = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(chars))
    subsetter.subset(font)
    font.save(str(here / f'NotoSansCJKsc-{weight}-subset.otf'))
    print(f'NotoSansCJKsc-{weight}-subset.otf: {len(chars)} code points')
PY
ls -l "$here"

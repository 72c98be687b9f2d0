"""The permalink as a QR code, drawn on the server so that it prints without JavaScript.

zxing-cpp encodes (in C++); the image is a small grey-scale PNG, one pixel per module, that
the page scales up without smoothing. A short link goes in capitals: capitals, digits and
`./:-` fit the QR code's alphanumeric mode, which takes about 40% fewer modules than bytes
(a smaller code, easier to read from paper, and faster to draw); `/NL/R/...` leads back to
`/nl/r/...` (views.short_in_capitals)."""

import re
import struct
import zlib
from base64 import b64encode
from functools import lru_cache

import zxingcpp

ALPHANUMERIC = re.compile(r"^[0-9A-Z $%*+\-./:]*$")
SHORT_LINK = re.compile(r"^https?://[^/]+/[a-z]{2}/r/")


def qr_text(url: str) -> str:
    """What the code holds: a short link in capitals where that stays alphanumeric."""
    if SHORT_LINK.match(url) and ALPHANUMERIC.match(url.upper()):
        return url.upper()
    return url


@lru_cache(maxsize=256)
def qr_png(url: str) -> tuple[str, int]:
    """The code for `url` as a base64 PNG, with its width in modules (quiet zone included)."""
    barcode = zxingcpp.create_barcode(qr_text(url), zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = barcode.to_image(scale=1, add_quiet_zones=True)  # 0 is dark, 255 light
    size = image.shape[0]
    pixels = bytes(memoryview(image))
    rows = b"".join(b"\x00" + pixels[i : i + size] for i in range(0, size * size, size))
    png = b"".join(
        (
            b"\x89PNG\r\n\x1a\n",
            _chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0)),
            _chunk(b"IDAT", _deflate(rows)),
            _chunk(b"IEND", b""),
        )
    )
    return b64encode(png).decode("ascii"), size


def _deflate(data: bytes) -> bytes:
    """zlib with the smallest window and memory: a QR image is a few kilobytes, and setting up
    zlib's default 32 KB window takes ten times longer than compressing them."""
    deflate = zlib.compressobj(1, zlib.DEFLATED, 9, 1)
    return deflate.compress(data) + deflate.flush()


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

#!/usr/bin/env python3
"""Draws icon.png (256x256): a white "B12" on a round red badge. Standard library only.

Run from the repository root: python3 docs/tools/make_icon.py
"""
import math
import struct
import zlib

SIZE = 256
SS = 4  # supersampling per axis, for anti-aliased edges
RED = (198, 40, 40)
DARK_RED = (142, 22, 22)
WHITE = (255, 255, 255)
T = 17.0  # stroke thickness of the letters


def seg_dist(px, py, ax, ay, bx, by):
    vx, vy, wx, wy = bx - ax, by - ay, px - ax, py - ay
    k = max(0.0, min(1.0, (wx * vx + wy * vy) / (vx * vx + vy * vy)))
    return math.hypot(wx - k * vx, wy - k * vy)


def in_rect(x, y, x0, y0, x1, y1):
    return x0 <= x <= x1 and y0 <= y <= y1


def in_d_ring(x, y, x0, y0, x1, y1):
    """A 'D' outline: straight left side, half-round right side, stroke T."""
    r = (y1 - y0) / 2
    cx, cy = x1 - r, y0 + r
    if x <= cx:
        return in_rect(x, y, x0, y0, cx, y0 + T) or in_rect(x, y, x0, y1 - T, cx, y1)
    return abs(math.hypot(x - cx, y - cy) - (r - T / 2)) <= T / 2


def glyph_b(x, y, left, top, h):
    w = h * 0.62
    mid = top + h * 0.47
    return (in_rect(x, y, left, top, left + T, top + h)
            or in_d_ring(x, y, left, top, left + w * 0.92, mid + T / 2)
            or in_d_ring(x, y, left, mid - T / 2, left + w, top + h))


def glyph_1(x, y, left, top, h):
    cx = left + h * 0.3
    return (in_rect(x, y, cx - T / 2, top, cx + T / 2, top + h)
            or seg_dist(x, y, cx, top + T / 2, cx - h * 0.22, top + h * 0.2) <= T / 2
            or in_rect(x, y, cx - h * 0.2, top + h - T, cx + h * 0.2, top + h))


def glyph_2(x, y, left, top, h):
    w = h * 0.6
    r = w / 2 - T / 2
    cx, cy = left + w / 2, top + r + T / 2
    ang = math.degrees(math.atan2(cy - y, x - cx))  # 0 = right, 90 = up
    on_arc = abs(math.hypot(x - cx, y - cy) - r) <= T / 2 and (ang >= -40 or ang >= 150)
    ex, ey = cx + r * math.cos(math.radians(-40)), cy + r * math.sin(math.radians(40))
    return (on_arc
            or seg_dist(x, y, ex, ey, left + T / 2, top + h - T / 2) <= T / 2
            or in_rect(x, y, left, top + h - T, left + w, top + h))


def colour_at(x, y):
    c = SIZE / 2
    d = math.hypot(x - c, y - c)
    if d > 122:
        return None
    if d > 116:
        return DARK_RED
    if 104 <= d <= 108:
        return WHITE
    h, top = 90.0, 83.0
    if glyph_b(x, y, 46, top, h) or glyph_1(x, y, 104, top, h) or glyph_2(x, y, 157, top, h):
        return WHITE
    return RED


def render():
    rows = []
    for py in range(SIZE):
        row = bytearray([0])  # filter type 0
        for px in range(SIZE):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(SS):
                for sx in range(SS):
                    col = colour_at(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)
                    if col is not None:
                        acc[0] += col[0]
                        acc[1] += col[1]
                        acc[2] += col[2]
                        acc[3] += 255
            n = SS * SS
            alpha = acc[3] / n
            if alpha > 0:
                row += bytes(round(acc[i] / (acc[3] / 255)) for i in range(3)) + bytes([round(alpha)])
            else:
                row += bytes(4)
        rows.append(bytes(row))
    return b"".join(rows)


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def main():
    png = (b"\x89PNG\r\n\x1a\n"
           + chunk(b"IHDR", struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(render(), 9))
           + chunk(b"IEND", b""))
    with open("icon.png", "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main()

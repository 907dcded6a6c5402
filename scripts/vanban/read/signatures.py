"""The digital signatures a PDF carries (its AcroForm's signature fields): who signed and when, as
the signature says it — the /Name it gives, else the subject of the signing certificate in its
PKCS#7 — and where and why.

vanban does not verify a signature: checking the certificate chain to the Government's root
(VGCA) and that the signed bytes are unchanged needs the CA's certificates and revocation lists
from the network. Each signature is shown as read, and the page says plainly that it is not
verified.
"""

from __future__ import annotations

import re
from pathlib import Path

from vanban.model import Signature

PDF_DATE = re.compile(r"D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:([+\-Z])(\d{2})?'?(\d{2})?'?)?")


def read_signatures(path: Path) -> list[Signature]:
    """The signatures of a PDF, in the order of its form's fields; none if it has none, or if
    they cannot be read (a signature is what the page says of the file, not the file's text)."""
    try:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfparser import PDFParser
        from pdfminer.pdftypes import resolve1

        with path.open("rb") as f:
            doc = PDFDocument(PDFParser(f))
            form = resolve1(doc.catalog.get("AcroForm"))
            fields = resolve1(form.get("Fields")) if isinstance(form, dict) else None
            out = []
            for field in _fields(fields or [], resolve1):
                value = resolve1(field.get("V"))
                if isinstance(value, dict) and _name(value.get("Type")) == "Sig":
                    out.append(Signature(_text(value.get("Name")) or _certificate_subject(value.get("Contents")),
                                         _when(_text(value.get("M"))), _text(value.get("Reason")),
                                         _text(value.get("Location"))))
            return out
    except Exception:  # noqa: BLE001 — an unreadable signature is no signature, not a failed build
        return []


def _fields(fields, resolve1, depth: int = 0):
    for ref in fields:
        field = resolve1(ref)
        if not isinstance(field, dict):
            continue
        yield field
        kids = resolve1(field.get("Kids"))
        if kids and depth < 8:
            yield from _fields(kids, resolve1, depth + 1)


def _name(value) -> str:
    return getattr(value, "name", str(value or ""))


def _text(value) -> str | None:
    """A PDF text string: UTF-16 with its byte-order mark, else PDFDocEncoding (Latin-1 here)."""
    if isinstance(value, bytes):
        if value.startswith(b"\xfe\xff"):
            text = value[2:].decode("utf-16-be", "replace")
        elif value.startswith(b"\xff\xfe"):
            text = value[2:].decode("utf-16-le", "replace")
        else:
            text = value.decode("latin-1")
    elif isinstance(value, str):
        text = value
    else:
        return None
    text = " ".join(text.split())
    return text or None


def _when(value: str | None) -> str | None:
    """`D:20190903093336+07'00'` → `03/09/2019 09:33:36 (UTC+07:00)`."""
    m = PDF_DATE.match(value or "")
    if not m:
        return value
    year, month, day, hour, minute, second, sign, tz_hour, tz_minute = m.groups()
    out = f"{day or '01'}/{month or '01'}/{year}"
    if hour:
        out += f" {hour}:{minute or '00'}:{second or '00'}"
    if sign == "Z":
        out += " (UTC)"
    elif sign:
        out += f" (UTC{sign}{tz_hour or '00'}:{tz_minute or '00'})"
    return out


def _certificate_subject(contents) -> str | None:
    """The common name (and organisation) of the signing certificate in a PKCS#7 signature: the
    certificate that issued none of the others."""
    if not isinstance(contents, bytes):
        return None
    from cryptography.hazmat.primitives.serialization import pkcs7
    from cryptography.x509.oid import NameOID

    certificates = pkcs7.load_der_pkcs7_certificates(contents.rstrip(b"\0"))
    issuers = {c.issuer for c in certificates}
    signer = next((c for c in certificates if c.subject not in issuers or c.subject == c.issuer), None)
    signer = next((c for c in certificates if c.subject not in issuers), signer)
    if signer is None:
        return None
    names = [a.value for a in signer.subject.get_attributes_for_oid(NameOID.COMMON_NAME)]
    return str(names[0]) if names else signer.subject.rfc4514_string()

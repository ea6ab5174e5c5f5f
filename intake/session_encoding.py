"""How both session engines (intake.file_sessions, intake.sessions) write a session: signed, as in
Django, but not compressed. A visitor's session is small either way (about a kilobyte), and
compressing it took about as long as the rest of the encoding, on every answer."""

from django.core import signing


class SignedUncompressed:
    def encode(self, session_dict):
        return signing.dumps(session_dict, salt=self.key_salt, serializer=self.serializer)

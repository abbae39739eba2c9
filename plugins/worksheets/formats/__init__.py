"""The formats that two places share, each with one owner.

- ``problems``: where a problem sits in an editor's page, and how each output prints it;
- ``documents``: what identifies a PDF (block or booklet) and its file name and keywords;
- ``fields``: the names of form fields, in the HTML, the PDFs and the script;
- ``answers``: the answers file and the bundle (SPEC section 5), validated;
- ``client``: the data the page's script reads.

Nobody else formats these into strings or parses them back.
"""

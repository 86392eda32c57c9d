"""Reading documents: the text of PDF, DOCX, ODT and text files; images wait for OCR."""

// The in-page UI's shared style sheets, as text for a shadow root's <style>.
import tokens from './tokens.css?inline';
import card from './card.css?inline';

/** Colour tokens only (result chips). */
export const TOKENS_CSS = tokens;
/** Tokens plus the card, its header, chip and buttons (banner, shopping notice). */
export const CARD_CSS = tokens + card;

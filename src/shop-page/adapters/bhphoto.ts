// B&H Photo (www.bhphotovideo.com). Modelled on
// https://www.bhphotovideo.com/c/product/1234567-REG/dji_cp_ma_00000000_01_mavic_3_pro.html:
// `<h1 data-selenium="productTitle">`; the brand is in the JSON-LD Product ("brand": {"@type":
// "Brand", "name": "DJI"}), read generically, and in the brand logo link
// `<a data-selenium="authorizedDealerLink"><img alt="DJI"></a>` on some pages.
import { brandText, byline, type ShopAdapter } from './types';

export const bhphoto: ShopAdapter = {
  kind: 'shop',
  byline: (doc) => byline(brandText(doc.querySelector('a[data-selenium="authorizedDealerLink"]')), 'authorizedDealerLink'),
  title: (doc) => doc.querySelector('h1[data-selenium="productTitle"]'),
};

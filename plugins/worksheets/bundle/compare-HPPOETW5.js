import{a,b,c,d,e}from"./chunk-GWTOIGHW.js";import"./chunk-AYPSP67V.js";export{a as DEFAULT_TOLERANCE,e as columnOrder,c as compareAssessments,d as dayOf,b as figureOf};
